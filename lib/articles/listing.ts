import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTags, authors, sections, tags as tagsTable } from "@/db/schema";
import { isPublic, selectCards, toCard, type ArticleCard } from "./cards";

export const pageSize = 20;

export type ListingKind = "section" | "author" | "tag";
export type Listing = { cards: ArticleCard[]; total: number };

/**
 * One page of a section's, an author's or a tag's published articles, newest first, with the
 * total (so the page knows its last page). A page past the end comes back empty.
 */
export async function listArticles(db: Db, { kind, slug, page }: { kind: ListingKind; slug: string; page: number }): Promise<Listing> {
  // The page and the total are two statements: a window count over the page query would read
  // every article of the section, comment counts and all, to show twenty.
  const subject =
    kind === "section"
      ? eq(articles.sectionId, sql`(select ${sections.id} from ${sections} where ${sections.slug} = ${slug})`)
      : kind === "author"
        ? eq(articles.authorId, sql`(select ${authors.id} from ${authors} where ${authors.slug} = ${slug})`)
        : inArray(
            articles.id,
            sql`(select ${articleTags.articleId} from ${articleTags} join ${tagsTable} on ${tagsTable.id} = ${articleTags.tagId} where ${tagsTable.slug} = ${slug})`,
          );
  const where = and(isPublic(), subject);
  const [rows, [counted]] = await Promise.all([
    selectCards(db)
      .where(where)
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(articles).where(where),
  ]);
  return { cards: rows.map(toCard), total: Number(counted?.n ?? 0) };
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
