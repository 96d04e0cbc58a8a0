import Link from "next/link";
import { pageHref } from "@/lib/pagination";
import styles from "./pagination.module.css";

/**
 * Newer/older links with rel="prev"/"next", mirrored as <link> elements that React hoists
 * into the head for crawlers.
 */
export function Pagination({
  base,
  page,
  pages,
  query,
}: {
  base: string;
  page: number;
  pages: number;
  query?: Record<string, string>;
}) {
  if (pages <= 1) return null;
  const prev = page > 1 ? pageHref(base, page - 1, query) : null;
  const next = page < pages ? pageHref(base, page + 1, query) : null;
  return (
    <nav aria-label="Pagination" className={styles.pagination}>
      {prev && <link rel="prev" href={prev} />}
      {next && <link rel="next" href={next} />}
      {prev ? (
        <Link href={prev} rel="prev" className={styles.step}>
          <span aria-hidden="true">←</span> Previous page
        </Link>
      ) : (
        <span />
      )}
      <p className={styles.position}>
        Page {page} of {pages}
      </p>
      {next ? (
        <Link href={next} rel="next" className={styles.step}>
          Next page <span aria-hidden="true">→</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
