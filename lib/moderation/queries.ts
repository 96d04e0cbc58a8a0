import "server-only";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rowsOf, type Db } from "@/db/client";
import { selectCommentsWithArticle } from "@/lib/comments/queries";
import { articles, bannedCommenters, bannedWords, commentReports, commentStatuses, comments, sections, users, type CommentStatus, type ReportReason } from "@/db/schema";

export const queuePageSize = 20;

export type QueueComment = {
  id: number;
  status: CommentStatus;
  name: string;
  email: string;
  website: string | null;
  body: string;
  createdAt: string;
  spamReasons: string[];
  /** enough of the salted hash to see that two comments came from one address */
  ipTag: string | null;
  userAgent: string | null;
  parent: { id: number; name: string } | null;
  article: { id: number; title: string; href: string; published: boolean };
  moderation: { by: string | null; at: string } | null;
};

const parents = alias(comments, "parent_comment");

function where(status: CommentStatus | null, articleId: number | null): SQL | undefined {
  return and(status ? eq(comments.status, status) : undefined, articleId ? eq(comments.articleId, articleId) : undefined);
}

/** One queue, newest first, a page at a time; optionally one article's comments only. */
export async function listModerationQueue(
  db: Db,
  { status, page, articleId }: { status: CommentStatus; page: number; articleId: number | null },
): Promise<QueueComment[]> {
  const rows = await selectCommentsWithArticle(db, { c: comments, parentName: parents.authorName, moderatorEmail: users.email })
    .leftJoin(parents, eq(parents.id, comments.parentId))
    .leftJoin(users, eq(users.id, comments.moderatedBy))
    .where(where(status, articleId))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(queuePageSize)
    .offset((page - 1) * queuePageSize);
  return rows.map(({ c, ...r }) => ({
    id: c.id,
    status: c.status,
    name: c.authorName,
    email: c.authorEmail,
    website: c.authorWebsite,
    body: c.body,
    createdAt: c.createdAt.toISOString(),
    spamReasons: c.spamReasons,
    ipTag: c.ipHash ? c.ipHash.slice(0, 8) : null,
    userAgent: c.userAgent,
    parent: c.parentId !== null ? { id: c.parentId, name: r.parentName ?? "" } : null,
    article: {
      id: c.articleId,
      title: r.article.title,
      href: `/${r.article.section}/${r.article.slug}`,
      published: r.article.status === "published",
    },
    moderation: c.moderatedAt ? { by: r.moderatorEmail, at: c.moderatedAt.toISOString() } : null,
  }));
}

/** How many comments each queue holds. */
export async function countModerationQueues(db: Db, { articleId }: { articleId: number | null }): Promise<Record<CommentStatus, number>> {
  const rows = await db
    .select({ status: comments.status, n: count() })
    .from(comments)
    .where(where(null, articleId))
    .groupBy(comments.status);
  const counts = Object.fromEntries(commentStatuses.map((s) => [s, 0])) as Record<CommentStatus, number>;
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export async function getArticleTitle(db: Db, articleId: number): Promise<string | null> {
  const [row] = await db.select({ title: articles.title }).from(articles).where(eq(articles.id, articleId));
  return row?.title ?? null;
}

export async function listWordLists(db: Db): Promise<{ banned: string[]; suspect: string[] }> {
  const rows = await db.select({ word: bannedWords.word, kind: bannedWords.kind }).from(bannedWords).orderBy(asc(bannedWords.word));
  return {
    banned: rows.filter((r) => r.kind === "banned").map((r) => r.word),
    suspect: rows.filter((r) => r.kind === "suspect").map((r) => r.word),
  };
}

export type Ban = { id: number; kind: "email" | "ip"; value: string; reason: string; by: string | null; createdAt: string };

/** The newest bans first; IP bans show only a fragment of the hash, which is all anyone has. */
export async function listBans(db: Db, limit = 200): Promise<Ban[]> {
  const rows = await db
    .select({ ban: bannedCommenters, by: users.email })
    .from(bannedCommenters)
    .leftJoin(users, eq(users.id, bannedCommenters.createdBy))
    .orderBy(desc(bannedCommenters.createdAt), desc(bannedCommenters.id))
    .limit(limit);
  return rows.map(({ ban, by }) => ({
    id: ban.id,
    kind: ban.kind,
    value: ban.kind === "email" ? ban.value : `IP ${ban.value.slice(0, 8)}…`,
    reason: ban.reason,
    by,
    createdAt: ban.createdAt.toISOString(),
  }));
}

export const reportedPageSize = 20;

export type ReportedComment = {
  id: number;
  status: CommentStatus;
  hidden: boolean;
  name: string;
  body: string;
  createdAt: string;
  article: { id: number; title: string; href: string };
  /** distinct readers who reported it since the last decision */
  reporters: number;
  reasons: { reason: ReportReason; n: number }[];
  notes: string[];
  lastReportedAt: string;
};

/**
 * The Reported queue: one row per comment with open reports, however many readers sent
 * them, the most reported first. Reports on comments that are no longer shown (a moderator
 * filed them away since) are not work.
 */
export async function listReportedComments(db: Db, { page }: { page: number }): Promise<{ rows: ReportedComment[]; total: number }> {
  const rows = rowsOf<{
    id: number;
    status: CommentStatus;
    hidden: boolean;
    name: string;
    body: string;
    created_at: string | Date;
    article_id: number;
    title: string;
    slug: string;
    section: string;
    reporters: number;
    reasons: { reason: ReportReason; n: number }[] | string;
    notes: string[] | string | null;
    last_at: string | Date;
    total: number;
  }>(
    await db.execute(sql`
      with open as (
        select ${commentReports.commentId} as comment_id, ${commentReports.reason} as reason, ${commentReports.note} as note,
               ${commentReports.createdAt} as created_at
        from ${commentReports} where ${commentReports.resolvedAt} is null
      ), per_comment as (
        select comment_id, count(*)::int as reporters, max(created_at) as last_at,
               array_remove(array_agg(nullif(note, '') order by created_at desc), null) as notes
        from open group by comment_id
      ), per_reason as (
        select comment_id, json_agg(json_build_object('reason', reason, 'n', n) order by n desc, reason) as reasons
        from (select comment_id, reason, count(*)::int as n from open group by comment_id, reason) r group by comment_id
      )
      select c.id, c.status, c.hidden_by_reports as hidden, c.author_name as name, c.body, c.created_at,
             a.id as article_id, a.title, a.slug, s.slug as section,
             p.reporters, r.reasons, p.notes, p.last_at, count(*) over ()::int as total
      from per_comment p
      join per_reason r on r.comment_id = p.comment_id
      join ${comments} c on c.id = p.comment_id and c.status = 'approved'
      join ${articles} a on a.id = c.article_id
      join ${sections} s on s.id = a.section_id
      order by p.reporters desc, p.last_at desc, c.id desc
      limit ${reportedPageSize} offset ${(page - 1) * reportedPageSize}`),
  );
  const iso = (v: string | Date) => new Date(v).toISOString();
  const parse = <T,>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id),
      status: r.status,
      hidden: r.hidden,
      name: r.name,
      body: r.body,
      createdAt: iso(r.created_at),
      article: { id: Number(r.article_id), title: r.title, href: `/${r.section}/${r.slug}` },
      reporters: Number(r.reporters),
      reasons: parse(r.reasons),
      notes: (Array.isArray(r.notes) ? r.notes : r.notes ? parsePgArray(r.notes) : []).slice(0, 5),
      lastReportedAt: iso(r.last_at),
    })),
  };
}

/** PGlite returns text arrays as arrays; a driver that does not gives `{"a","b"}`. */
function parsePgArray(text: string): string[] {
  if (text === "{}") return [];
  return JSON.parse(`[${text.slice(1, -1)}]`) as string[];
}

/** How many comments wait in the Reported queue. */
export async function countReportedComments(db: Db): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      select count(distinct ${commentReports.commentId})::int as n from ${commentReports}
      join ${comments} on ${comments.id} = ${commentReports.commentId} and ${comments.status} = 'approved'
      where ${commentReports.resolvedAt} is null`),
  );
  return Number(row?.n ?? 0);
}
