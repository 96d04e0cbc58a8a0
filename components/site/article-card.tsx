import { getImageProps } from "next/image";
import Link from "next/link";
import { preload } from "react-dom";
import type { ArticleCard as Card } from "@/lib/articles/cards";
import { Timestamp } from "@/components/ui/timestamp";
import styles from "./article-card.module.css";

type Locale = { locale: string; timeZone: string };

export function articleHref(card: Pick<Card, "slug" | "section">) {
  return `/${card.section.slug}/${card.slug}`;
}

/**
 * A hero image through Next.js's image optimizer, sized for the column it sits in. Only
 * site-relative images are optimized: the CSP allows no other origin, and the optimizer refuses
 * unknown hosts. A plain `<img>` from `getImageProps` rather than next/image's component: that
 * one is a client component, hydrated in the browser once for every card on a front page, for
 * nothing a server-rendered image needs. The lead image (`eager`) is preloaded from the head,
 * at high priority, so the browser asks for it before it has parsed the page down to it.
 */
export function CardImage({ src, alt, sizes, eager = false }: { src: string; alt: string; sizes: string; eager?: boolean }) {
  const { props } = getImageProps({
    src,
    alt,
    width: 1200,
    height: 675,
    sizes,
    className: styles.image,
    unoptimized: !src.startsWith("/"),
    loading: eager ? "eager" : "lazy",
    fetchPriority: eager ? "high" : undefined,
  });
  if (eager) preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  // eslint-disable-next-line @next/next/no-img-element -- the optimizer's own attributes, from getImageProps
  return <img {...props} alt={alt} />;
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
        <CardImage
          src={card.heroImageUrl}
          alt={card.heroImageAlt ?? ""}
          sizes={variant === "lead" ? "(min-width: 76rem) 50rem, (min-width: 60rem) 60vw, 100vw" : "(min-width: 60rem) 20rem, 100vw"}
          eager={variant === "lead"}
        />
      )}
      {showSection && (
        <p className={styles.kicker}>
          <Link href={`/${card.section.slug}`}>{card.section.name}</Link>
        </p>
      )}
      <Heading className={styles.title}>
        <Link href={articleHref(card)}>{card.title}</Link>
      </Heading>
      {showStandfirst && <p className={styles.standfirst}>{card.standfirst}</p>}
      <p className={styles.meta}>
        <Link href={`/author/${card.author.slug}`} className={styles.author}>
          {card.author.name}
        </Link>{" "}
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
