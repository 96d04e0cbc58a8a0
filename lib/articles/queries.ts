import "server-only";
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { articleCorrections, articles, articleTags, authors, comments, sections, tags as tagsTable } from "@/db/schema";
import { tags } from "@/lib/cache-tags";
import { readingMinutes } from "@/lib/format";
import { renderMarkdown } from "@/lib/markdown";

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

export type ArticleView = ArticleCard & {
  body: string;
  /**
   * The body rendered and sanitized, kept with the cached article: a page re-rendered for a
   * new comment or a sidebar change reuses it instead of parsing the Markdown again.
   */
  bodyHtml: string;
  readingMinutes: number;
  revisedAt: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  heroImageCaption: string | null;
  heroImageCredit: string | null;
  mustRead: boolean;
  commentMode: "open" | "moderated" | "closed";
  author: { slug: string; name: string; bio: string };
  tags: { slug: string; name: string }[];
  corrections: { body: string; createdAt: string }[];
};

const approvedCount = sql<number>`(select count(*)::int from ${comments} where ${comments.articleId} = ${articles.id} and ${comments.status} = 'approved')`;

const cardColumns = {
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

type CardRow = {
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
function toCard(row: CardRow): ArticleCard {
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

const isPublic = () => and(eq(articles.status, "published"), lte(articles.publishedAt, sql`now()`));

function selectCards(db: Db) {
  return db
    .select(cardColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId));
}

const loadArticle = async (slug: string): Promise<ArticleView | null> => {
  const db = await getDb();
  const [row] = await db
    .select({
      ...cardColumns,
      body: articles.body,
      revisedAt: articles.revisedAt,
      sourceName: articles.sourceName,
      sourceUrl: articles.sourceUrl,
      heroImageCaption: articles.heroImageCaption,
      heroImageCredit: articles.heroImageCredit,
      mustRead: articles.mustRead,
      commentMode: articles.commentMode,
      authorBio: authors.bio,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(eq(articles.slug, slug), isPublic()));
  if (!row) return null;
  const [tagRows, correctionRows] = await Promise.all([
    db
      .select({ slug: tagsTable.slug, name: tagsTable.name })
      .from(articleTags)
      .innerJoin(tagsTable, eq(tagsTable.id, articleTags.tagId))
      .where(eq(articleTags.articleId, row.id))
      .orderBy(asc(tagsTable.name)),
    db
      .select({ body: articleCorrections.body, createdAt: articleCorrections.createdAt })
      .from(articleCorrections)
      .where(eq(articleCorrections.articleId, row.id))
      .orderBy(asc(articleCorrections.createdAt)),
  ]);
  return {
    ...toCard(row),
    body: row.body,
    bodyHtml: renderMarkdown(row.body),
    readingMinutes: readingMinutes(row.body),
    revisedAt: row.revisedAt?.toISOString() ?? null,
    sourceName: row.sourceName,
    sourceUrl: row.sourceUrl,
    heroImageCaption: row.heroImageCaption,
    heroImageCredit: row.heroImageCredit,
    mustRead: row.mustRead,
    commentMode: row.commentMode,
    author: { slug: row.authorSlug, name: row.authorName, bio: row.authorBio },
    tags: tagRows,
    corrections: correctionRows.map((c) => ({ body: c.body, createdAt: c.createdAt.toISOString() })),
  };
};

/**
 * A published article by its slug, or null. Shared by generateMetadata and the page: React's
 * cache() makes it one call per render, and the data cache one query per revalidation.
 */
export const getPublishedArticle = cache((slug: string) =>
  unstable_cache(() => loadArticle(slug), ["article", slug], {
    tags: [tags.articleSlug(slug)],
  })(),
);

export const listLatestArticles = cache((limit: number) =>
  unstable_cache(
    async () => {
      const rows = await selectCards(await getDb())
        .where(isPublic())
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(limit);
      return rows.map(toCard);
    },
    ["latest", String(limit)],
    { tags: [tags.home] },
  )(),
);

export const listSectionArticles = cache((sectionSlug: string, limit: number, offset = 0) =>
  unstable_cache(
    async () => {
      const rows = await selectCards(await getDb())
        .where(and(isPublic(), eq(sections.slug, sectionSlug)))
        .orderBy(desc(articles.publishedAt), desc(articles.id))
        .limit(limit)
        .offset(offset);
      return rows.map(toCard);
    },
    ["section-articles", sectionSlug, String(limit), String(offset)],
    { tags: [tags.section(sectionSlug)] },
  )(),
);

/**
 * Must Read: the editors' flagged articles, newest first; when fewer than `limit` are
 * flagged, the most-commented articles of the last 7 days fill the list.
 */
export const listMustRead = cache((limit = 5) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const [flagged, popular] = await Promise.all([
        selectCards(db).where(and(isPublic(), eq(articles.mustRead, true))).orderBy(desc(articles.publishedAt)).limit(limit),
        selectCards(db)
          .where(and(isPublic(), eq(articles.mustRead, false), gte(articles.publishedAt, sql`now() - interval '7 days'`)))
          .orderBy(desc(approvedCount), desc(articles.publishedAt))
          .limit(limit),
      ]);
      return [...flagged, ...popular].slice(0, limit).map(toCard);
    },
    ["must-read", String(limit)],
    // Comment counts move the list without any editorial action: refresh it hourly.
    { tags: [tags.mustRead], revalidate: 3600 },
  )(),
);

/**
 * Related News in one query: candidates are the articles sharing a tag with this one, plus
 * the newest of its section and of the site, ranked by shared tags, then same section, then
 * recency. Only the candidates are ranked, never the whole table.
 */
export const listRelatedArticles = cache((articleId: number, sectionSlug: string, limit = 5) =>
  unstable_cache(
    async () => {
      const db = await getDb();
      const candidates = sql`
        with shared as (
          select other.article_id as id, count(*)::int as n
          from ${articleTags} mine
          join ${articleTags} other on other.tag_id = mine.tag_id and other.article_id <> mine.article_id
          where mine.article_id = ${articleId}
          group by other.article_id
        ),
        section_latest as (
          select a.id, 0 as n from ${articles} a join ${sections} s on s.id = a.section_id
          where s.slug = ${sectionSlug} and a.status = 'published' and a.published_at <= now() and a.id <> ${articleId}
          order by a.published_at desc limit ${limit}
        )
        select id, max(n) as n from (select id, n from shared union all select id, n from section_latest) c group by id`;
      const rows = await db
        .select({ ...cardColumns, shared: sql<number>`c.n` })
        .from(sql`(${candidates}) c`)
        .innerJoin(articles, sql`${articles.id} = c.id`)
        .innerJoin(sections, eq(sections.id, articles.sectionId))
        .innerJoin(authors, eq(authors.id, articles.authorId))
        .where(and(isPublic(), ne(articles.id, articleId)))
        .orderBy(sql`c.n desc`, sql`(${sections.slug} = ${sectionSlug}) desc`, desc(articles.publishedAt))
        .limit(limit);
      return rows.map(toCard);
    },
    ["related", String(articleId), sectionSlug, String(limit)],
    // Other articles' publication changes this list too; an hourly refresh bounds that.
    { tags: [tags.article(articleId)], revalidate: 3600 },
  )(),
);

export type ArticleIdentity = { id: number; slug: string; sectionSlug: string };

/** Cards for a list of ids, in the order given (for pages that rank ids elsewhere). */
export async function listCardsByIds(ids: number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = await selectCards(await getDb()).where(and(isPublic(), inArray(articles.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, toCard(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
