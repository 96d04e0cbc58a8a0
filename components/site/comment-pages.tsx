import { commentPageHref } from "@/lib/comments/paging";
import styles from "@/components/ui/pagination.module.css";

/**
 * Earlier and later pages of an article's threads: plain links that work without
 * JavaScript; with it, CommentPager loads them in place (it looks for data-comment-page).
 * Not the shared Pagination: that one renders Next.js <Link>s, whose own click handler would
 * start a client navigation before CommentPager could load the page in place, and these
 * links also carry the #comments-heading anchor and the page number CommentPager announces.
 */
export function CommentPages({ article, page, pages }: { article: { section: string; slug: string }; page: number; pages: number }) {
  if (pages <= 1) return null;
  const link = (to: number, label: string, rel: "prev" | "next") => (
    <a href={`${commentPageHref(article, to)}#comments-heading`} rel={rel} className={styles.step} data-comment-page={to}>
      {label}
    </a>
  );
  return (
    <nav aria-label="Comment pages" className={styles.pagination}>
      {page > 1 ? link(page - 1, "← Earlier comments", "prev") : <span />}
      <p className={styles.position}>
        Comments page {page} of {pages}
      </p>
      {page < pages ? link(page + 1, "Later comments →", "next") : <span />}
    </nav>
  );
}
