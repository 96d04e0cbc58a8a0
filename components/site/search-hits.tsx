import { Timestamp } from "@/components/ui/timestamp";
import { splitHighlight } from "@/lib/search/input";
import type { SearchHit } from "@/lib/search/queries";
import { articleHref } from "./article-card";
import styles from "./search.module.css";

/** Search results: the snippet's matches in <mark>, everything else plain text nodes. */
export function SearchHits({ hits, locale, timeZone }: { hits: SearchHit[]; locale: string; timeZone: string }) {
  return (
    <ol className={styles.hits}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <article>
            <p className={styles.kicker}>
              <a href={`/${hit.section.slug}`}>{hit.section.name}</a>
            </p>
            <h2 className={styles.title}>
              <a href={articleHref(hit)}>{hit.title}</a>
            </h2>
            <p className={styles.snippet}>
              {splitHighlight(hit.snippet).map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : segment.text))}
            </p>
            <p className={styles.meta}>
              <a href={`/author/${hit.author.slug}`}>{hit.author.name}</a> ·{" "}
              <Timestamp at={hit.publishedAt} style="date" locale={locale} timeZone={timeZone} />
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
