import type { ArticleCard as Card } from "@/lib/articles/cards";
import { StoredImage } from "@/components/site/stored-image";
import { Timestamp } from "@/components/ui/timestamp";
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
  variant = "default",
  ...locale
}: {
  card: Card;
  headingLevel?: 2 | 3;
  showStandfirst?: boolean;
  showSection?: boolean;
  variant?: "lead" | "default" | "compact";
} & Locale) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className={`${styles.card} ${styles[variant] ?? ""}`}>
      {variant !== "compact" && card.heroImageUrl && (
        <StoredImage
          src={card.heroImageUrl}
          alt={card.heroImageAlt ?? ""}
          width={1200}
          height={675}
          className={styles.image}
          sizes={variant === "lead" ? "(min-width: 76rem) 50rem, (min-width: 60rem) 60vw, 100vw" : "(min-width: 60rem) 20rem, 100vw"}
          priority={variant === "lead"}
        />
      )}
      {showSection && (
        <p className={styles.kicker}>
          <a href={`/${card.section.slug}`}>{card.section.name}</a>
        </p>
      )}
      <Heading className={styles.title}>
        <a href={articleHref(card)}>{card.title}</a>
      </Heading>
      {showStandfirst && <p className={styles.standfirst}>{card.standfirst}</p>}
      <p className={styles.meta}>
        <a href={`/author/${card.author.slug}`} className={styles.author}>
          {card.author.name}
        </a>{" "}
        · <Timestamp at={card.publishedAt} style="date" locale={locale.locale} timeZone={locale.timeZone} />
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

export function ArticleList({
  cards,
  layout = "list",
  ...props
}: { cards: Card[]; layout?: "list" | "grid" } & Locale & { headingLevel?: 2 | 3; showStandfirst?: boolean; showSection?: boolean; variant?: "default" | "compact" }) {
  return (
    <ul className={layout === "grid" ? styles.grid : styles.list}>
      {cards.map((card) => (
        <li key={card.id}>
          <ArticleCard card={card} {...props} />
        </li>
      ))}
    </ul>
  );
}
