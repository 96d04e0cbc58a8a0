import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb, type Db } from "@/db/client";
import { comments } from "@/db/schema";
import { tags } from "@/lib/cache-tags";

export type PublicComment = {
  id: number;
  name: string;
  website: string | null;
  body: string;
  createdAt: string;
  replies: PublicComment[];
};

/** Build a one-level thread: replies under their parent, both oldest first. */
export function threadComments<T extends { id: number; parentId: number | null }>(
  rows: T[],
): (T & { replies: T[] })[] {
  const top = rows.filter((r) => r.parentId === null).map((r) => ({ ...r, replies: [] as T[] }));
  const byId = new Map(top.map((r) => [r.id, r]));
  for (const row of rows) {
    if (row.parentId !== null) byId.get(row.parentId)?.replies.push(row);
  }
  return top;
}

/** The approved comments of an article, threaded, oldest first. Emails never leave the database here. */
export async function getApprovedComments(db: Db, articleId: number): Promise<PublicComment[]> {
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      name: comments.authorName,
      website: comments.authorWebsite,
      body: comments.body,
      createdAt: comments.createdAt,
    })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, "approved")))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  return threadComments(rows).map(({ parentId: _p, replies, createdAt, ...c }) => ({
    ...c,
    createdAt: createdAt.toISOString(),
    replies: replies.map(({ parentId: _rp, createdAt: at, ...r }) => ({
      ...r,
      createdAt: at.toISOString(),
      replies: [],
    })),
  }));
}

export const listApprovedComments = cache((articleId: number) =>
  unstable_cache(async () => getApprovedComments(await getDb(), articleId), ["approved-comments", String(articleId)], {
    tags: [tags.article(articleId)],
  })(),
);
