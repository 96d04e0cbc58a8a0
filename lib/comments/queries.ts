import "server-only";
import { and, asc, count, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias, type SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { articles, comments, sections } from "@/db/schema";
import { commentPageFor, threadsPerPage } from "./paging";

// Reads of comments, each taking the database; pages read threads through ./cached.ts.

export type PublicComment = {
  id: number;
  name: string;
  website: string | null;
  body: string;
  createdAt: string;
  replies: PublicComment[];
};

export type CommentPage = {
  threads: PublicComment[];
  /** every comment a reader can see on the article, replies included */
  total: number;
  page: number;
  pages: number;
};

const parents = alias(comments, "parent_comment");

/** What readers see of an article's comments: approved, and not taken down by reports. */
const visible = (t: typeof comments) => and(eq(t.status, "approved"), eq(t.hiddenByReports, false));

/**
 * One page of an article's threads: {@link threadsPerPage} top-level comments, oldest first,
 * each with all its replies, and the counts for the heading and the page links. Three
 * statements whose cost follows the page, not the article: an offset into the top-level
 * comments (an index scan of at most page × 50 entries), their replies, and the counts.
 */
export async function getCommentPage(db: Db, { articleId, page }: { articleId: number; page: number }): Promise<CommentPage> {
  const [counts] = await db
    .select({ top: sql<number>`count(*) filter (where ${comments.parentId} is null)`, total: count() })
    .from(comments)
    .leftJoin(parents, eq(parents.id, comments.parentId))
    .where(
      and(
        eq(comments.articleId, articleId),
        visible(comments),
        or(isNull(comments.parentId), and(eq(parents.status, "approved"), eq(parents.hiddenByReports, false))),
      ),
    );
  const top = Number(counts?.top ?? 0);
  const pages = Math.max(1, Math.ceil(top / threadsPerPage));
  const columns = {
    id: comments.id,
    parentId: comments.parentId,
    name: comments.authorName,
    website: comments.authorWebsite,
    body: comments.body,
    createdAt: comments.createdAt,
  };
  const heads = await db
    .select(columns)
    .from(comments)
    .where(and(eq(comments.articleId, articleId), visible(comments), isNull(comments.parentId)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(threadsPerPage)
    .offset((page - 1) * threadsPerPage);
  const replies = heads.length
    ? await db
        .select(columns)
        .from(comments)
        .where(and(inArray(comments.parentId, heads.map((h) => h.id)), visible(comments)))
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const toPublic = (c: (typeof heads)[number]): PublicComment => ({
    id: c.id,
    name: c.name,
    website: c.website,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    replies: [],
  });
  const threads = heads.map(toPublic);
  const byId = new Map(threads.map((t) => [t.id, t]));
  for (const r of replies) byId.get(r.parentId!)?.replies.push(toPublic(r));
  return { threads, total: Number(counts?.total ?? 0), page, pages };
}

/**
 * Comments joined to their article and its section: `columns` beside `article`, its id, title,
 * status and address (section and slug, as commentPermalink takes them). The moderation queue
 * and the reply alerts read comments this way; each adds its own joins, filter and order.
 */
export function selectCommentsWithArticle<T extends SelectedFields>(db: Db, columns: T) {
  return db
    .select({
      ...columns,
      article: { id: articles.id, title: articles.title, status: articles.status, section: sections.slug, slug: articles.slug },
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId));
}

export type CommentLocation = { section: string; slug: string; page: number; commentId: number };

/**
 * Where a comment a reader can see is shown: its article's address and the page its thread
 * is on (the number of visible top-level comments before the thread's own, in page order).
 */
export async function findComment(db: Db, { commentId }: { commentId: number }): Promise<CommentLocation | null> {
  const [row] = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      articleId: comments.articleId,
      slug: articles.slug,
      section: sections.slug,
    })
    .from(comments)
    .innerJoin(articles, and(eq(articles.id, comments.articleId), eq(articles.status, "published")))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(comments.id, commentId), visible(comments)));
  if (!row) return null;
  const [head] = await db
    .select({ id: comments.id, createdAt: comments.createdAt })
    .from(comments)
    .where(and(eq(comments.id, row.parentId ?? row.id), visible(comments)));
  if (!head) return null;
  const [before] = await db
    .select({ n: count() })
    .from(comments)
    .where(
      and(
        eq(comments.articleId, row.articleId),
        visible(comments),
        isNull(comments.parentId),
        or(lt(comments.createdAt, head.createdAt), and(eq(comments.createdAt, head.createdAt), lt(comments.id, head.id))),
      ),
    );
  return { section: row.section, slug: row.slug, page: commentPageFor(Number(before?.n ?? 0)), commentId: row.id };
}
