import { and, count, eq, isNull, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { commentReports, comments, rateLimits, siteSettings } from "@/db/schema";
import type { ReportInput } from "./input";

/** Reports one address may send in {@link reportRate.windowSeconds}; beyond that they are refused. */
export const reportRate = { limit: 10, windowSeconds: 10 * 60 };

export type ReportOutcome =
  | { ok: true; reporters: number; hidden: boolean; articleId: number }
  | { ok: false; reason: "missing" | "flood" };

/**
 * Records a reader's report. A reader (by salted address) reporting the same comment again
 * changes nothing: reports aggregate per comment, so moderators see one item however many
 * readers report it. When the distinct readers reach the site's `reportsToHide`, the comment
 * leaves the page until a moderator decides; `hidden` is true only for the report that did it,
 * so that the caller expires the article's pages once.
 */
export async function reportComment(db: Db, input: ReportInput, reporter: { ipHash: string | null }): Promise<ReportOutcome> {
  // Without an address every such reader is one reporter: they cannot outvote the others.
  const reporterHash = reporter.ipHash ?? "unknown";
  const expire = sql`now() + make_interval(secs => ${reportRate.windowSeconds})`;
  const [counted] = rowsOf<{ points: number }>(
    await db.execute(sql`
      insert into ${rateLimits} (key, points, expire) values (${`report-ip:${reporterHash}`}, 1, ${expire})
      on conflict (key) do update set
        points = case when ${rateLimits.expire} <= now() then 1 else ${rateLimits.points} + 1 end,
        expire = case when ${rateLimits.expire} <= now() then excluded.expire else ${rateLimits.expire} end
      returning points`),
  );
  if (Number(counted?.points ?? 0) > reportRate.limit) return { ok: false, reason: "flood" };

  return db.transaction(async (tx) => {
    const [comment] = await tx
      .select({ id: comments.id, articleId: comments.articleId, hidden: comments.hiddenByReports })
      .from(comments)
      .where(and(eq(comments.id, input.commentId), eq(comments.status, "approved")))
      .for("update");
    if (!comment) return { ok: false as const, reason: "missing" as const };
    await tx
      .insert(commentReports)
      .values({ commentId: comment.id, reporterHash, reason: input.reason, note: input.note })
      .onConflictDoNothing();
    const [open] = await tx
      .select({ n: count() })
      .from(commentReports)
      .where(and(eq(commentReports.commentId, comment.id), isNull(commentReports.resolvedAt)));
    const [settings] = await tx.select({ reportsToHide: siteSettings.reportsToHide }).from(siteSettings).where(eq(siteSettings.id, 1));
    const reporters = Number(open?.n ?? 0);
    const hide = !comment.hidden && reporters >= (settings?.reportsToHide ?? 3);
    if (hide) await tx.update(comments).set({ hiddenByReports: true }).where(eq(comments.id, comment.id));
    return { ok: true as const, reporters, hidden: hide, articleId: comment.articleId };
  });
}
