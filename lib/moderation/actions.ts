import { and, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bannedCommenters, bannedWords, commentReports, comments } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction, type StaffContext } from "@/lib/auth/action";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { queueReplyAlerts } from "@/lib/comments/reply-alerts";
import { banInput, commentIdInput, decisions, moderateInput, unbanInput, wordListInput, type Decision } from "./input";

const decisionDone: Record<Decision, string> = { approve: "Approved", reject: "Rejected", spam: "Marked as spam" };

const plural = (n: number) => (n === 1 ? "1 comment" : `${n} comments`);

/** The cached pages that show an article's comments or its comment count. */
async function revalidateArticles(ctx: StaffContext, articleIds: Iterable<number>) {
  const list: string[] = [];
  for (const articleId of new Set(articleIds)) list.push(...(await getArticlePageTags(ctx.db, articleId)));
  if (list.length > 0) ctx.revalidate(list);
}

/**
 * Approve, reject or mark as spam one comment or many. Each change is audited; approving a
 * comment or withdrawing an approved one expires the pages that show it, at once. Approving a
 * reply queues its parent's reply alert, if it asked for one (lib/comments/reply-alerts.ts).
 */
export const moderateComments = staffAction(
  "comment.moderate",
  moderateInput,
  async (input, ctx) => {
    const to = decisions[input.decision];
    const changed = await ctx.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: comments.id, status: comments.status, articleId: comments.articleId })
        .from(comments)
        .where(inArray(comments.id, input.ids))
        .for("update");
      const changing = rows.filter((r) => r.status !== to);
      if (changing.length === 0) return [];
      await tx
        .update(comments)
        .set({ status: to, moderatedBy: ctx.staff.id, moderatedAt: new Date() })
        .where(inArray(comments.id, changing.map((r) => r.id)));
      await resolveReports(tx, changing.map((r) => r.id));
      // In this transaction: an approval and its reply alert are stored together or not at all.
      if (to === "approved") await queueReplyAlerts(tx, changing.map((r) => r.id));
      for (const r of changing) {
        await audit(tx, {
          actor: ctx.staff,
          action: `comment.${input.decision}`,
          target: { type: "comment", id: r.id },
          details: { from: r.status, to, articleId: r.articleId },
        });
      }
      return changing;
    });
    if (changed.length === 0) {
      return { ok: true, message: `Nothing changed: the selected comments were already ${to}.` };
    }
    // Only a change into or out of "approved" changes what readers see.
    await revalidateArticles(ctx, changed.filter((r) => r.status === "approved" || to === "approved").map((r) => r.articleId));
    return { ok: true, message: `${decisionDone[input.decision]} ${plural(changed.length)}.` };
  },
);

/**
 * Bans the writer of a comment by email and, when it is known, by (hashed) address. The comment
 * and the commenter's other waiting comments go to spam.
 */
export const banCommenter = staffAction(
  "comment.moderate",
  banInput,
  async (input, ctx) => {
    const result = await ctx.db.transaction(async (tx) => {
      const [comment] = await tx
        .select({ id: comments.id, email: comments.authorEmail, ipHash: comments.ipHash, status: comments.status, articleId: comments.articleId })
        .from(comments)
        .where(eq(comments.id, input.commentId));
      if (!comment) return null;
      const email = comment.email.trim().toLowerCase();
      const bans = [
        { kind: "email" as const, value: email },
        ...(comment.ipHash ? [{ kind: "ip" as const, value: comment.ipHash }] : []),
      ];
      await tx
        .insert(bannedCommenters)
        .values(bans.map((b) => ({ ...b, reason: input.reason, createdBy: ctx.staff.id })))
        .onConflictDoNothing();
      const moved = await tx
        .update(comments)
        .set({ status: "spam", moderatedBy: ctx.staff.id, moderatedAt: new Date() })
        .where(
          and(
            ne(comments.status, "spam"),
            or(
              eq(comments.id, comment.id),
              and(
                eq(comments.status, "pending"),
                or(sql`lower(${comments.authorEmail}) = ${email}`, comment.ipHash ? eq(comments.ipHash, comment.ipHash) : undefined),
              ),
            ),
          ),
        )
        .returning({ id: comments.id });
      await audit(tx, {
        actor: ctx.staff,
        action: "commenter.ban",
        target: { type: "comment", id: comment.id },
        details: { email, ip: !!comment.ipHash, reason: input.reason, toSpam: moved.map((m) => m.id) },
      });
      return { comment, email, moved: moved.length };
    });
    if (!result) return { ok: false, message: "That comment no longer exists." };
    if (result.comment.status === "approved") await revalidateArticles(ctx, [result.comment.articleId]);
    return {
      ok: true,
      message: `Banned ${result.email}${result.comment.ipHash ? " and their IP address" : ""}; ${plural(result.moved)} moved to spam.`,
    };
  },
);

export const unbanCommenter = staffAction("comment.moderate", unbanInput, async (input, ctx) => {
  const [removed] = await ctx.db.delete(bannedCommenters).where(eq(bannedCommenters.id, input.banId)).returning();
  if (!removed) return { ok: false, message: "That ban was already lifted." };
  await audit(ctx.db, {
    actor: ctx.staff,
    action: "commenter.unban",
    target: { type: "ban", id: removed.id },
    details: { kind: removed.kind, value: removed.kind === "email" ? removed.value : "(IP hash)" },
  });
  return { ok: true, message: removed.kind === "email" ? `Lifted the ban on ${removed.value}.` : "Lifted the ban on the IP address." };
});

/**
 * Replaces one word list with what the moderator typed, one word or phrase per line. Banned
 * words refuse a comment; suspect words hold it for a moderator. A word is on one list only.
 */
export const saveWordList = staffAction("comment.moderate", wordListInput, async (input, ctx, raw) => {
  const other = input.kind === "banned" ? "suspect" : "banned";
  const lower = input.words.map((w) => w.toLowerCase());
  if (lower.length > 0) {
    const clashes = await ctx.db
      .select({ word: bannedWords.word })
      .from(bannedWords)
      .where(and(eq(bannedWords.kind, other), inArray(sql`lower(${bannedWords.word})`, lower)));
    if (clashes.length > 0) {
      const list = clashes.map((c) => `"${c.word}"`).join(", ");
      return {
        ok: false,
        message: "Please correct the highlighted fields.",
        errors: { words: [`Already on the ${other} list: ${list}. Remove it there first.`] },
        values: { words: typeof raw.words === "string" ? raw.words : "" },
      };
    }
  }
  const { added, removed } = await ctx.db.transaction(async (tx) => {
    const current = await tx.select().from(bannedWords).where(eq(bannedWords.kind, input.kind)).for("update");
    const gone = current.filter((w) => !lower.includes(w.word.toLowerCase()));
    if (gone.length > 0) await tx.delete(bannedWords).where(inArray(bannedWords.id, gone.map((w) => w.id)));
    const have = new Set(current.map((w) => w.word.toLowerCase()));
    const fresh = input.words.filter((w) => !have.has(w.toLowerCase()));
    if (fresh.length > 0) {
      await tx
        .insert(bannedWords)
        .values(fresh.map((word) => ({ word, kind: input.kind, createdBy: ctx.staff.id })))
        .onConflictDoNothing();
    }
    const change = { added: fresh, removed: gone.map((w) => w.word) };
    await audit(tx, { actor: ctx.staff, action: `words.save-${input.kind}`, details: change });
    return change;
  });
  return {
    ok: true,
    message: `Saved the ${input.kind} words: ${added.length} added, ${removed.length} removed.`,
    values: { words: input.words.join("\n") },
  };
});

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
export const keepReportedComment = staffAction("comment.moderate", commentIdInput, async (input, ctx) => {
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
