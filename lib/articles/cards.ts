import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, comments, sections } from "@/db/schema";

/** What a list, a sidebar or a feed shows of an article. */
export type ArticleCard = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: string;
  section: { slug: string; name: string };
  author: { slug: string; name: string };
  commentCount: number;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
};

export const approvedCount = sql<number>`(select count(*)::int from ${comments} where ${comments.articleId} = ${articles.id} and ${comments.status} = 'approved' and not ${comments.hiddenByReports})`;

export const cardColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  standfirst: articles.standfirst,
  publishedAt: articles.publishedAt,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  authorSlug: authors.slug,
  authorName: authors.name,
  commentCount: approvedCount,
  heroImageUrl: articles.heroImageUrl,
  heroImageAlt: articles.heroImageAlt,
};

export type CardRow = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  publishedAt: Date | null;
  sectionSlug: string;
  sectionName: string;
  authorSlug: string;
  authorName: string;
  commentCount: number;
  heroImageUrl: string | null;
  heroImageAlt: string | null;
};

// Cached results are stored as JSON, so times travel as ISO strings.
export function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    standfirst: row.standfirst,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    section: { slug: row.sectionSlug, name: row.sectionName },
    author: { slug: row.authorSlug, name: row.authorName },
    commentCount: Number(row.commentCount),
    heroImageUrl: row.heroImageUrl,
    heroImageAlt: row.heroImageAlt,
  };
}

/** Published and due: a scheduled time still to come is not public yet. */
export const isPublic = () => and(eq(articles.status, "published"), lte(articles.publishedAt, sql`now()`));

export function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId));
}
