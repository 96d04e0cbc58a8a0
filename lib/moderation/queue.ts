import "server-only";
import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { articles, bannedCommenters, bannedWords, commentStatuses, comments, sections, users, type CommentStatus } from "@/db/schema";

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
  const rows = await db
    .select({
      c: comments,
      parentName: parents.authorName,
      articleTitle: articles.title,
      articleSlug: articles.slug,
      articleStatus: articles.status,
      sectionSlug: sections.slug,
      moderatorEmail: users.email,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
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
      title: r.articleTitle,
      href: `/${r.sectionSlug}/${r.articleSlug}`,
      published: r.articleStatus === "published",
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
