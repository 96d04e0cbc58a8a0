import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "@/db/client";
import { articles, commentReports, comments, sections, type CommentStatus, type ReportReason } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { getArticlePageTags } from "@/lib/cache/invalidation";

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

/**
 * A moderator's decision settles a comment's reports: they leave the Reported queue and the
 * comment is no longer held off the page by them (whatever its status now says).
 */
export async function resolveReports(db: Db, commentIds: number[]) {
  if (commentIds.length === 0) return;
  await db
    .update(commentReports)
    .set({ resolvedAt: new Date() })
    .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.resolvedAt)));
  await db.update(comments).set({ hiddenByReports: false }).where(and(inArray(comments.id, commentIds), eq(comments.hiddenByReports, true)));
}

/** Keeps a reported comment: its reports are settled and, if they had taken it down, it is back on the page. */
export const keepReportedComment = staffAction("comment.moderate", z.object({ id: z.coerce.number().int().positive() }), async (input, ctx) => {
  const result = await ctx.db.transaction(async (tx) => {
    const [comment] = await tx
      .select({ id: comments.id, articleId: comments.articleId, hidden: comments.hiddenByReports })
      .from(comments)
      .where(eq(comments.id, input.id))
      .for("update");
    if (!comment) return null;
    await resolveReports(tx, [comment.id]);
    await audit(tx, { actor: ctx.staff, action: "comment.keep", target: { type: "comment", id: comment.id }, details: { wasHidden: comment.hidden } });
    return comment;
  });
  if (!result) return { ok: false, message: "That comment no longer exists." };
  if (result.hidden) ctx.revalidate(await getArticlePageTags(ctx.db, result.articleId));
  return { ok: true, message: result.hidden ? "Kept: the comment is back on the page." : "Kept: its reports are settled." };
});

