import styles from "./pagination.module.css";

/**
 * Previous/next links either side of "Page 2 of 7": the one pager of the reader listings,
 * search and every staff list. A list that knows its total passes `pages`; one that only
 * knows whether a row follows (it fetched one more than it shows) passes `hasMore`, and says
 * "Page 3". Reader listings also mirror the links as <link rel="prev"/"next">, which React
 * hoists into the head for crawlers.
 *
 * An article's comment pages keep their own pager (components/site/comment-pages.tsx) in the
 * same styles: its links must be plain <a> elements that CommentPager loads in place, where a
 * Next.js <Link> would start its own client navigation first.
 */
export function Pagination({
  label = "Pages",
  page,
  pages,
  hasMore,
  href,
  previous = "Previous page",
  next = "Next page",
  crawlers = false,
}: {
  /** the navigation's name: "Pagination" on reader listings, "Pages" on staff lists */
  label?: string;
  page: number;
  pages?: number;
  hasMore?: boolean;
  href: (page: number) => string;
  previous?: string;
  next?: string;
  crawlers?: boolean;
}) {
  const more = pages === undefined ? Boolean(hasMore) : page < pages;
  if (page <= 1 && !more) return null;
  const prevHref = page > 1 ? href(page - 1) : null;
  const nextHref = more ? href(page + 1) : null;
  return (
    <nav aria-label={label} className={styles.pagination}>
      {crawlers && prevHref && <link rel="prev" href={prevHref} />}
      {crawlers && nextHref && <link rel="next" href={nextHref} />}
      {prevHref ? (
        <a href={prevHref} rel="prev" className={styles.step}>
          <span aria-hidden="true">←</span> {previous}
        </a>
      ) : (
        <span />
      )}
      <p className={styles.position}>{pages === undefined ? `Page ${page}` : `Page ${page} of ${pages}`}</p>
      {nextHref ? (
        <a href={nextHref} rel="next" className={styles.step}>
          {next} <span aria-hidden="true">→</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
