import styles from "@/components/ui/article.module.css";
import { Timestamp } from "@/components/ui/timestamp";
import { bodyHtmlOf } from "@/lib/articles/body";
import type { PublishedPage } from "@/lib/pages/queries";

/** A static page (About, Contact, Privacy) in the site's chrome, its body rendered like an article's. */
export function StaticPage({ page, timeZone, locale }: { page: PublishedPage; timeZone: string; locale: string }) {
  return (
    <article>
      <h1 className={styles.title}>{page.title}</h1>
      <div className={styles.body} dangerouslySetInnerHTML={{ __html: bodyHtmlOf(page) }} />
      <p className={styles.standfirst}>
        Updated <Timestamp at={page.updatedAt} style="date" locale={locale} timeZone={timeZone} />
      </p>
    </article>
  );
}
