import Link from "next/link";
import type { ArticleCard as Card } from "@/lib/articles/queries";
import { formatDate } from "@/lib/format";
import styles from "./article-card.module.css";

type Locale = { locale: string; timeZone: string };

export function articleHref(card: Pick<Card, "slug" | "section">) {
  return `/${card.section.slug}/${card.slug}`;
}

export function ArticleCard({
  card,
  headingLevel = 3,
  showStandfirst = true,
  showSection = true,
  ...locale
}: { card: Card; headingLevel?: 2 | 3; showStandfirst?: boolean; showSection?: boolean } & Locale) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={styles.card}>
      {showSection && <p className={styles.kicker}>{card.section.name}</p>}
      <Heading className={styles.title}>
        <Link href={articleHref(card)}>{card.title}</Link>
      </Heading>
      {showStandfirst && <p className={styles.standfirst}>{card.standfirst}</p>}
      <p className={styles.meta}>
        <span>{card.author.name}</span> · <time dateTime={card.publishedAt}>{formatDate(card.publishedAt, locale.locale, locale.timeZone)}</time>
        {card.commentCount > 0 && (
          <>
            {" "}
            · <span>{card.commentCount === 1 ? "1 comment" : `${card.commentCount} comments`}</span>
          </>
        )}
      </p>
    </article>
  );
}

export function ArticleList({ cards, ...props }: { cards: Card[] } & Locale & { headingLevel?: 2 | 3; showStandfirst?: boolean }) {
  return (
    <ul className={styles.list}>
      {cards.map((card) => (
        <li key={card.id}>
          <ArticleCard card={card} {...props} />
        </li>
      ))}
    </ul>
  );
}
