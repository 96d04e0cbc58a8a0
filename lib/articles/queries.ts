import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readingMinutes } from "@/lib/format";
import { articleCorrections, articleRevisions, articles, articleTags, authors, sections, tags as tagsTable, users } from "@/db/schema";
import { can, type Staff } from "@/lib/auth/permissions";
import { listMostRead } from "@/lib/readership/queries";
import { bodyHtmlOf } from "./body";
import { approvedCount, cardColumns, isPublic, selectCards, toCard, type ArticleCard } from "./cards";
import { editorPageSize, type EditorFilters } from "./input";

// Plain queries: each takes the database, so tests call them on PGlite and PostgreSQL alike.
// Pages use the cached wrappers in ./cached.ts.

export type { ArticleCard };

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
  heroImageWidth: number | null;
  heroImageHeight: number | null;
  mustRead: boolean;
  commentMode: "open" | "moderated" | "closed";
  author: { slug: string; name: string; bio: string };
  tags: { slug: string; name: string }[];
  corrections: { body: string; createdAt: string }[];
};

/** A published article by its slug, or null: drafts, reviews and future schedules are not. */
export async function getPublishedArticle(db: Db, { slug }: { slug: string }): Promise<ArticleView | null> {
  const [row] = await db
    .select({
      ...cardColumns,
      body: articles.body,
      bodyHtml: articles.bodyHtml,
      bodyHtmlVersion: articles.bodyHtmlVersion,
      revisedAt: articles.revisedAt,
      sourceName: articles.sourceName,
      sourceUrl: articles.sourceUrl,
      heroImageCaption: articles.heroImageCaption,
      heroImageCredit: articles.heroImageCredit,
      heroImageWidth: articles.heroImageWidth,
      heroImageHeight: articles.heroImageHeight,
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
    bodyHtml: bodyHtmlOf(row),
    readingMinutes: readingMinutes(row.body),
    revisedAt: row.revisedAt?.toISOString() ?? null,
    sourceName: row.sourceName,
    sourceUrl: row.sourceUrl,
    heroImageCaption: row.heroImageCaption,
    heroImageCredit: row.heroImageCredit,
    heroImageWidth: row.heroImageWidth,
    heroImageHeight: row.heroImageHeight,
    mustRead: row.mustRead,
    commentMode: row.commentMode,
    author: { slug: row.authorSlug, name: row.authorName, bio: row.authorBio },
    tags: tagRows,
    corrections: correctionRows.map((c) => ({ body: c.body, createdAt: c.createdAt.toISOString() })),
  };
}

export type FrontPage = {
  lead: ArticleCard | null;
  top: ArticleCard[];
  /** the newest few of every section that has any, keyed by section slug */
  bySection: Record<string, ArticleCard[]>;
};

/**
 * The front page: the lead (the newest must-read, else the newest), the top stories after it,
 * and the newest few of each section besides the lead. Each section's few come from its own index range (a
 * lateral join), so the cost does not grow with the archive.
 */
export async function getFrontPage(db: Db, { top = 6, perSection = 4 } = {}): Promise<FrontPage> {
  const [leadRows, latest, sectionRows] = await Promise.all([
    selectCards(db).where(and(isPublic(), eq(articles.mustRead, true))).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(1),
    selectCards(db).where(isPublic()).orderBy(desc(articles.publishedAt), desc(articles.id)).limit(top + 1),
    selectCards(db)
      .where(
        inArray(
          articles.id,
          sql`(select l.id from ${sections} s cross join lateral (
                select a.id from ${articles} a
                where a.section_id = s.id and a.status = 'published' and a.published_at <= now()
                order by a.published_at desc, a.id desc limit ${perSection}) l)`,
        ),
      )
      .orderBy(desc(articles.publishedAt), desc(articles.id)),
  ]);
  const lead = leadRows[0] ?? latest[0];
  const bySection: Record<string, ArticleCard[]> = {};
  // The lead is at the top of the page already: its section's block starts with the next one.
  for (const row of sectionRows) if (row.id !== lead?.id) (bySection[row.sectionSlug] ??= []).push(toCard(row));
  return {
    lead: lead ? toCard(lead) : null,
    top: latest.filter((r) => r.id !== lead?.id).slice(0, top).map(toCard),
    bySection,
  };
}

/**
 * Must Read: the editors' flagged articles, newest first; when fewer than `limit` are
 * flagged, the most read of the last 48 hours follow (lib/readership), and, while reads are
 * too few (a new site, a quiet night), the most-commented articles of the last 7 days (newest
 * first among equals). Index-ordered parts rather than one OR, which no index serves: the
 * flagged ones from their partial index, then the others only when those are too few.
 */
export async function listMustRead(db: Db, { limit = 5 }: { limit?: number } = {}) {
  const flagged = (
    await selectCards(db)
      .where(and(isPublic(), eq(articles.mustRead, true)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(limit)
  ).map(toCard);
  if (flagged.length >= limit) return flagged;
  const mostRead = await listMostRead(db, { limit: limit - flagged.length, hours: 48, exclude: flagged.map((c) => c.id) });
  const chosen = [...flagged, ...mostRead];
  if (chosen.length >= limit) return chosen;
  const fillers = await selectCards(db)
    .where(
      and(
        isPublic(),
        eq(articles.mustRead, false),
        gte(articles.publishedAt, sql`now() - interval '7 days'`),
        mostRead.length > 0 ? notInArray(articles.id, mostRead.map((c) => c.id)) : undefined,
      ),
    )
    .orderBy(sql`${approvedCount} desc`, desc(articles.publishedAt), desc(articles.id))
    .limit(limit - chosen.length);
  return [...chosen, ...fillers.map(toCard)];
}

/**
 * How many of each tag's public articles Related News considers: the ones written nearest
 * in time to this article, half before it and half after. A tag on thousands of articles
 * ("politics") would otherwise make every article page count them all (about 100 ms at
 * 100,000 articles).
 */
export const relatedPerTag = 500;

/**
 * Related News in one query: the candidates are the articles sharing a tag with this one (the
 * {@link relatedPerTag} of each tag nearest to it), the newest of its section and the newest
 * of the site (so the list fills even for an untagged article), ranked by the number of shared
 * tags, then same section, then recency. Only the candidates are ranked, never the whole
 * table, and only the few shown are read as cards.
 */
export async function listRelatedArticles(
  db: Db,
  { articleId, limit = 5, perTag = relatedPerTag }: { articleId: number; limit?: number; perTag?: number },
) {
  // Ids follow creation, so a tag's entries on either side of this article's id are its
  // neighbours in time; the (tag_id, article_id) index reads them without a sort.
  // The bound is on both tables: on article_tags alone, PostgreSQL merges with a scan of
  // articles from the newest id down, most of the table for an old article.
  const neighbours = (side: "before" | "after") => {
    const beside = side === "before" ? sql`< mine.article_id` : sql`> mine.article_id`;
    return sql`
      select t.article_id from ${articleTags} t join ${articles} a on a.id = t.article_id
      where t.tag_id = mine.tag_id and t.article_id ${beside} and a.id ${beside}
        and a.status = 'published' and a.published_at <= now()
      order by t.article_id ${side === "before" ? sql`desc` : sql`asc`} limit ${Math.ceil(perTag / 2)}`;
  };
  const ranked = sql`
    with me as (select id, section_id from ${articles} where id = ${articleId}),
    shared as (
      select other.article_id as id, count(*)::int as n
      from ${articleTags} mine
      cross join lateral ((${neighbours("before")}) union all (${neighbours("after")})) other
      where mine.article_id = ${articleId}
      group by other.article_id
    ),
    section_latest as (
      select a.id, 0 as n from ${articles} a join me on a.section_id = me.section_id
      where a.status = 'published' and a.published_at <= now() and a.id <> me.id
      order by a.published_at desc, a.id desc limit ${limit}
    ),
    site_latest as (
      select a.id, 0 as n from ${articles} a
      where a.status = 'published' and a.published_at <= now() and a.id <> ${articleId}
      order by a.published_at desc, a.id desc limit ${limit}
    ),
    candidates as (
      select id, max(n) as n from (
        select id, n from shared union all select id, n from section_latest union all select id, n from site_latest
      ) c group by id
    )
    select a.id, c.n, a.section_id = (select section_id from me) as same_section
    from candidates c join ${articles} a on a.id = c.id
    where a.status = 'published' and a.published_at <= now() and a.id <> ${articleId}
    order by c.n desc, same_section desc, a.published_at desc, a.id desc
    limit ${limit}`;
  const rows = await db
    .select(cardColumns)
    .from(sql`(${ranked}) r`)
    .innerJoin(articles, sql`${articles.id} = r.id`)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .orderBy(sql`r.n desc`, sql`r.same_section desc`, desc(articles.publishedAt), desc(articles.id));
  return rows.map(toCard);
}

// The newsroom's reads: staff pages render per request and call these on the primary.

/** The newsroom's article list. Writers see their own articles; editors and admins see all. */
export async function listEditorArticles(db: Db, staff: Staff, filters: EditorFilters) {
  const where: SQL[] = [];
  if (!can(staff.role, "article.edit-any")) where.push(eq(articles.createdBy, staff.id));
  if (filters.status) where.push(eq(articles.status, filters.status));
  if (filters.section) where.push(eq(articles.sectionId, filters.section));
  if (filters.author) where.push(eq(articles.authorId, filters.author));
  if (filters.q) where.push(ilike(articles.title, `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const rows = await db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      section: sections.name,
      sectionSlug: sections.slug,
      author: authors.name,
      total: sql<number>`count(*) over ()`,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(...where))
    .orderBy(desc(articles.updatedAt), desc(articles.id))
    .limit(editorPageSize)
    .offset((filters.page - 1) * editorPageSize);
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

/** The sections and authors the newsroom's filters and the article form choose from. */
export async function listEditorOptions(db: Db) {
  const [sectionRows, authorRows] = await Promise.all([
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ id: authors.id, name: authors.name, userId: authors.userId }).from(authors).orderBy(asc(authors.name)),
  ]);
  return { sections: sectionRows, authors: authorRows };
}

/** An article with its tags, revisions and corrections, as the article form edits it. */
export async function getArticleForEditing(db: Db, id: number) {
  const [article] = await db.select().from(articles).where(eq(articles.id, id));
  if (!article) return null;
  const [tagRows, revisions, corrections] = await Promise.all([
    db.select({ name: tagsTable.name }).from(articleTags).innerJoin(tagsTable, eq(tagsTable.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tagsTable.name)),
    db
      .select({ id: articleRevisions.id, version: articleRevisions.version, status: articleRevisions.status, createdAt: articleRevisions.createdAt, by: users.name, title: articleRevisions.title })
      .from(articleRevisions)
      .leftJoin(users, eq(users.id, articleRevisions.createdBy))
      .where(eq(articleRevisions.articleId, id))
      .orderBy(desc(articleRevisions.createdAt), desc(articleRevisions.id))
      .limit(100),
    db.select().from(articleCorrections).where(eq(articleCorrections.articleId, id)).orderBy(asc(articleCorrections.createdAt)),
  ]);
  const [section] = await db.select({ slug: sections.slug }).from(sections).where(eq(sections.id, article.sectionId));
  return { article, tags: tagRows.map((t) => t.name), revisions, corrections, sectionSlug: section?.slug ?? "" };
}

/** One revision of an article, with who made it, or null when the article has no such revision. */
export async function getRevision(db: Db, articleId: number, revisionId: number) {
  const [row] = await db
    .select({ revision: articleRevisions, by: users.name })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  return row ?? null;
}
