import type { ArticleCard } from "@/lib/articles/queries";
import { ArticleList } from "./article-card";
import pageStyles from "./page.module.css";

export function ListingPage({
  title,
  intro,
  cards,
  locale,
  timeZone,
}: {
  title: string;
  intro?: string;
  cards: ArticleCard[];
  locale: string;
  timeZone: string;
}) {
  return (
    <>
      <h1 className={pageStyles.pageTitle}>{title}</h1>
      {intro && <p className={pageStyles.lede}>{intro}</p>}
      {cards.length === 0 ? <p>No articles yet.</p> : <ArticleList cards={cards} locale={locale} timeZone={timeZone} headingLevel={2} />}
    </>
  );
}
