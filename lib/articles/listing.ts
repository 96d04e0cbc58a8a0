import "server-only";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb } from "@/db/client";
import { articles, articleTags, authors, sections, tags as tagsTable } from "@/db/schema";
import { tags } from "@/lib/cache-tags";
import { listCardsByIds } from "./queries";

export const pageSize = 20;

type Listing = { kind: "author" | "tag"; slug: string };

/** One page of an author's or a tag's published articles, newest first, with the total. */
export const listArticlesFor = cache((kind: Listing["kind"], slug: string, page: number) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const published = and(eq(articles.status, "published"), sql`${articles.publishedAt} <= now()`);
      const base =
        kind === "author"
          ? db
              .select({ id: articles.id, total: sql<number>`count(*) over ()` })
              .from(articles)
              .innerJoin(authors, eq(authors.id, articles.authorId))
              .where(and(published, eq(authors.slug, slug)))
          : db
              .select({ id: articles.id, total: sql<number>`count(*) over ()` })
              .from(articles)
              .innerJoin(articleTags, eq(articleTags.articleId, articles.id))
              .innerJoin(tagsTable, eq(tagsTable.id, articleTags.tagId))
              .where(and(published, eq(tagsTable.slug, slug)));
      const rows = await base
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      return { cards: await listCardsByIds(rows.map((r) => r.id)), total: Number(rows[0]?.total ?? 0) };
    },
    ["listing", kind, slug, String(page)],
    { tags: [kind === "author" ? tags.author(slug) : tags.tag(slug)] },
  )(),
);

export const getAuthor = cache((slug: string) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const [row] = await db.select({ slug: authors.slug, name: authors.name, bio: authors.bio }).from(authors).where(eq(authors.slug, slug));
      return row ?? null;
    },
    ["author", slug],
    { tags: [tags.author(slug)] },
  )(),
);

export const getTag = cache((slug: string) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const [row] = await db.select({ slug: tagsTable.slug, name: tagsTable.name }).from(tagsTable).where(eq(tagsTable.slug, slug));
      return row ?? null;
    },
    ["tag", slug],
    { tags: [tags.tag(slug)] },
  )(),
);

export const getSection = cache((slug: string) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const [row] = await db
        .select({ slug: sections.slug, name: sections.name, description: sections.description })
        .from(sections)
        .where(eq(sections.slug, slug));
      if (!row) return null;
      const [n] = await db
        .select({ n: count() })
        .from(articles)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .where(and(eq(sections.slug, slug), eq(articles.status, "published")));
      return { ...row, total: n?.n ?? 0 };
    },
    ["section", slug],
    { tags: [tags.section(slug), tags.sections] },
  )(),
);
