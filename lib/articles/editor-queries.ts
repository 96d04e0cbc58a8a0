import "server-only";
import { and, asc, desc, eq, ilike, sql, type SQL } from "drizzle-orm";
import { getPrimaryDb } from "@/db/client";
import { articleCorrections, articleRevisions, articles, articleStatuses, articleTags, authors, sections, tags, users, type ArticleStatus } from "@/db/schema";
import { can, type Staff } from "@/lib/auth/permissions";

export const editorPageSize = 25;

export type EditorFilters = { status?: ArticleStatus; section?: number; author?: number; q?: string; page: number };

export function parseEditorFilters(params: Record<string, string | string[] | undefined>): EditorFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const num = (k: string) => {
    const v = Number(one(k));
    return Number.isInteger(v) && v > 0 && v < 1e9 ? v : undefined;
  };
  const status = one("status");
  return {
    status: (articleStatuses as readonly string[]).includes(status ?? "") ? (status as ArticleStatus) : undefined,
    section: num("section"),
    author: num("author"),
    // without NUL bytes, which PostgreSQL refuses in any text
    q: one("q")?.replace(/\u0000/g, "").trim().slice(0, 200) || undefined,
    page: Math.min(num("page") ?? 1, 100_000),
  };
}

/** The newsroom's article list. Writers see their own articles; editors and admins see all. */
export async function listEditorArticles(staff: Staff, filters: EditorFilters) {
  const db = await getPrimaryDb();
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

export async function listEditorOptions() {
  const db = await getPrimaryDb();
  const [sectionRows, authorRows] = await Promise.all([
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
    db.select({ id: authors.id, name: authors.name, userId: authors.userId }).from(authors).orderBy(asc(authors.name)),
  ]);
  return { sections: sectionRows, authors: authorRows };
}

export async function getArticleForEditing(id: number) {
  const db = await getPrimaryDb();
  const [article] = await db.select().from(articles).where(eq(articles.id, id));
  if (!article) return null;
  const [tagRows, revisions, corrections] = await Promise.all([
    db.select({ name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, id)).orderBy(asc(tags.name)),
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

export async function getRevision(articleId: number, revisionId: number) {
  const db = await getPrimaryDb();
  const [row] = await db
    .select({ revision: articleRevisions, by: users.name })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdBy))
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  return row ?? null;
}
