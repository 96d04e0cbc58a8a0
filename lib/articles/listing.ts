import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTags, authors, sections, tags as tagsTable } from "@/db/schema";
import { cardColumns, isPublic, toCard, type ArticleCard } from "./cards";

export const pageSize = 20;

export type ListingKind = "section" | "author" | "tag";
export type Listing = { cards: ArticleCard[]; total: number };

/**
 * One page of a section's, an author's or a tag's published articles, newest first, with the
 * total (so the page knows its last page). A page past the end comes back empty.
 */
export async function listArticlesFor(db: Db, { kind, slug, page }: { kind: ListingKind; slug: string; page: number }): Promise<Listing> {
  const base = db
    .select({ ...cardColumns, total: sql<number>`count(*) over ()` })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId));
  const query =
    kind === "section"
      ? base.where(and(isPublic(), eq(sections.slug, slug)))
      : kind === "author"
        ? base.where(and(isPublic(), eq(authors.slug, slug)))
        : base
            .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
            .innerJoin(tagsTable, eq(tagsTable.id, articleTags.tagId))
            .where(and(isPublic(), eq(tagsTable.slug, slug)));
  const rows = await query
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { cards: rows.map(toCard), total: Number(rows[0]?.total ?? 0) };
}

export async function getSection(db: Db, { slug }: { slug: string }) {
  const [row] = await db
    .select({ slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug));
  return row ?? null;
}

export async function getAuthor(db: Db, { slug }: { slug: string }) {
  const [row] = await db.select({ slug: authors.slug, name: authors.name, bio: authors.bio }).from(authors).where(eq(authors.slug, slug));
  return row ?? null;
}

export async function getTag(db: Db, { slug }: { slug: string }) {
  const [row] = await db.select({ slug: tagsTable.slug, name: tagsTable.name }).from(tagsTable).where(eq(tagsTable.slug, slug));
  return row ?? null;
}
