import "server-only";
import { and, asc, desc, eq, gte, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTags, authors, sections, tags as tagsTable } from "@/db/schema";
import { bodyHtmlOf } from "@/lib/articles/body";
import { isPublic } from "@/lib/articles/cards";

export type FeedArticle = {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  /** the body as sanitized HTML */
  bodyHtml: string;
  publishedAt: string;
  sectionSlug: string;
  sectionName: string;
  authorName: string;
  tags: string[];
};

/** The newest published articles for a feed (the site's, or one section's), with their tags. */
export async function listFeedArticles(db: Db, { sectionSlug, limit = 50 }: { sectionSlug?: string; limit?: number }): Promise<FeedArticle[]> {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      body: articles.body,
      bodyHtml: articles.bodyHtml,
      bodyHtmlVersion: articles.bodyHtmlVersion,
      publishedAt: articles.publishedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      authorName: authors.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    // the section by id, so that its index orders the rows (a filter on the joined slug would not)
    .where(sectionSlug ? and(isPublic(), eq(articles.sectionId, sql`(select ${sections.id} from ${sections} where ${sections.slug} = ${sectionSlug})`)) : isPublic())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  const tagRows =
    rows.length === 0
      ? []
      : await db
          .select({ articleId: articleTags.articleId, name: tagsTable.name })
          .from(articleTags)
          .innerJoin(tagsTable, eq(tagsTable.id, articleTags.tagId))
          .where(inArray(articleTags.articleId, rows.map((r) => r.id)))
          .orderBy(asc(tagsTable.name));
  return rows.map(({ body, bodyHtml, bodyHtmlVersion, ...r }) => ({
    ...r,
    bodyHtml: bodyHtmlOf({ body, bodyHtml, bodyHtmlVersion }),
    publishedAt: r.publishedAt!.toISOString(),
    tags: tagRows.filter((t) => t.articleId === r.id).map((t) => t.name),
  }));
}

export type SitemapEntries = {
  articles: { path: string; lastmod: string }[];
  sections: { path: string; lastmod: string | null }[];
  authors: { path: string; lastmod: string }[];
  tags: { path: string; lastmod: string }[];
};

/** The sitemap protocol allows 50,000 addresses in one file. */
export const sitemapLimit = 50_000;

/**
 * Everything a search engine should index, with the time it last changed: articles (their
 * last revision), and sections, authors and tags (their newest article). Authors and tags
 * without a public article have no page worth indexing and are left out.
 */
export async function listSitemapEntries(db: Db): Promise<SitemapEntries> {
  const newest = max(articles.publishedAt);
  const [articleRows, sectionRows, authorRows, tagRows] = await Promise.all([
    db
      .select({
        slug: articles.slug,
        section: sections.slug,
        lastmod: sql<Date>`greatest(${articles.publishedAt}, coalesce(${articles.revisedAt}, ${articles.publishedAt}))`.mapWith(articles.publishedAt),
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(isPublic())
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(sitemapLimit - 1000),
    db
      .select({ slug: sections.slug, lastmod: newest })
      .from(sections)
      .leftJoin(articles, and(eq(articles.sectionId, sections.id), isPublic()))
      .groupBy(sections.id)
      .orderBy(asc(sections.position)),
    db
      .select({ slug: authors.slug, lastmod: newest })
      .from(authors)
      .innerJoin(articles, eq(articles.authorId, authors.id))
      .where(isPublic())
      .groupBy(authors.id)
      .orderBy(asc(authors.slug)),
    db
      .select({ slug: tagsTable.slug, lastmod: newest })
      .from(tagsTable)
      .innerJoin(articleTags, eq(articleTags.tagId, tagsTable.id))
      .innerJoin(articles, eq(articles.id, articleTags.articleId))
      .where(isPublic())
      .groupBy(tagsTable.id)
      .orderBy(asc(tagsTable.slug))
      .limit(900),
  ]);
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    articles: articleRows.map((r) => ({ path: `/${r.section}/${r.slug}`, lastmod: iso(r.lastmod)! })),
    sections: sectionRows.map((r) => ({ path: `/${r.slug}`, lastmod: iso(r.lastmod) })),
    authors: authorRows.map((r) => ({ path: `/author/${r.slug}`, lastmod: iso(r.lastmod)! })),
    tags: tagRows.map((r) => ({ path: `/tag/${r.slug}`, lastmod: iso(r.lastmod)! })),
  };
}

/** Google News reads only articles of the last two days, at most 1,000 of them. */
export async function listNewsSitemapArticles(db: Db) {
  const rows = await db
    .select({ slug: articles.slug, section: sections.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(isPublic(), gte(articles.publishedAt, sql`now() - interval '48 hours'`)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(1000);
  return rows.map((r) => ({ path: `/${r.section}/${r.slug}`, title: r.title, publishedAt: r.publishedAt!.toISOString() }));
}
