import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { ActionContext, StaffAction } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache-tags";
import { reportInput } from "@/lib/comments/input";
import { getCommentPage } from "@/lib/comments/queries";
import { reportComment, reportRate } from "@/lib/comments/reports";
import { describeEachDatabase } from "@/test/databases";
import { moderateComments } from "./actions";
import { keepReportedComment } from "./actions";
import { countReportedComments, listReportedComments } from "./queries";

describeEachDatabase("reader reports and the Reported queue", (database) => {
  const db = () => database().primary;
  const staff: Partial<Record<t.Role, Staff>> = {};
  let articleId = 0;
  const unique = () => randomBytes(6).toString("hex");

  beforeAll(async () => {
    for (const u of await db().select().from(t.users)) staff[u.role] = { id: u.id, email: u.email, name: u.name, role: u.role };
    const [article] = await db().select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "published")).limit(1);
    articleId = article!.id;
    await db().insert(t.siteSettings).values({ id: 1 }).onConflictDoNothing();
    await db().update(t.siteSettings).set({ reportsToHide: 3 }).where(eq(t.siteSettings.id, 1));
  });

  async function run(action: StaffAction, who: t.Role | null, input: Record<string, unknown>) {
    const revalidated: string[] = [];
    const ctx: ActionContext = { staff: who ? staff[who]! : null, db: db(), revalidate: (list) => revalidated.push(...list) };
    return { state: await action.execute(ctx, input), revalidated };
  }

  async function approvedComment() {
    const [row] = await db()
      .insert(t.comments)
      .values({ articleId, authorName: "Loud Reader", authorEmail: `loud-${unique()}@example.com`, body: `Rude words ${unique()}`, status: "approved" })
      .returning();
    return row!;
  }

  const report = (commentId: number, reason: string, ipHash: string, note = "") =>
    reportComment(db(), reportInput.parse({ commentId: String(commentId), reason, note }), { ipHash });

  const onPage = async (id: number) => (await getCommentPage(db(), { articleId, page: 1 })).threads.some((c) => c.id === id);

  it("validates the reason and bounds the note", () => {
    expect(reportInput.safeParse({ commentId: "1", reason: "boring" }).success).toBe(false);
    expect(reportInput.safeParse({ commentId: "1", reason: "abuse", note: "x".repeat(501) }).success).toBe(false);
    expect(reportInput.parse({ commentId: "1", reason: "abuse", note: " why\u0000 " }).note).toBe("why");
  });

  it("aggregates reports per comment and takes it down at the set number of distinct readers", async () => {
    const c = await approvedComment();
    expect(await onPage(c.id)).toBe(true);
    const first = await report(c.id, "abuse", `a-${unique()}`, "Insults another reader");
    expect(first).toMatchObject({ ok: true, reporters: 1, hidden: false });
    // The same reader again changes nothing.
    const sameReader = `b-${unique()}`;
    await report(c.id, "spam", sameReader);
    expect(await report(c.id, "abuse", sameReader)).toMatchObject({ ok: true, reporters: 2, hidden: false });
    const [queued] = (await listReportedComments(db(), { page: 1 })).rows.filter((r) => r.id === c.id);
    expect(queued).toMatchObject({ reporters: 2, hidden: false, notes: ["Insults another reader"] });
    expect(queued!.reasons).toEqual([
      { reason: "abuse", n: 1 },
      { reason: "spam", n: 1 },
    ]);
    expect(await onPage(c.id)).toBe(true);

    const third = await report(c.id, "abuse", `c-${unique()}`);
    expect(third).toMatchObject({ ok: true, reporters: 3, hidden: true, articleId });
    expect(await onPage(c.id)).toBe(false);
    // Only the report that took it down says so; the fourth one finds it already down.
    expect(await report(c.id, "abuse", `d-${unique()}`)).toMatchObject({ reporters: 4, hidden: false });
    const rows = (await listReportedComments(db(), { page: 1 })).rows.filter((r) => r.id === c.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reporters: 4, hidden: true });
  });

  it("Keep puts a taken-down comment back and empties its reports; a decision settles them too", async () => {
    const kept = await approvedComment();
    for (const r of ["x", "y", "z"]) await report(kept.id, "off-topic", `${r}-${unique()}`);
    expect(await onPage(kept.id)).toBe(false);
    const before = await countReportedComments(db());
    const { state, revalidated } = await run(keepReportedComment, "moderator", { id: String(kept.id) });
    expect(state).toMatchObject({ ok: true });
    expect(revalidated).toContain(tags.article(articleId));
    expect(await onPage(kept.id)).toBe(true);
    expect(await countReportedComments(db())).toBe(before - 1);
    // Readers can report it again later: that starts a new round.
    expect(await report(kept.id, "off-topic", `x2-${unique()}`)).toMatchObject({ reporters: 1, hidden: false });

    const rejected = await approvedComment();
    await report(rejected.id, "abuse", `r-${unique()}`);
    await run(moderateComments, "moderator", { ids: String(rejected.id), decision: "reject" });
    expect((await listReportedComments(db(), { page: 1 })).rows.some((r) => r.id === rejected.id)).toBe(false);
    // A comment no longer shown cannot be reported.
    expect(await report(rejected.id, "abuse", `s-${unique()}`)).toEqual({ ok: false, reason: "missing" });
  });

  it("Keep on a comment still shown settles its reports without expiring a page, and says so", async () => {
    const shown = await approvedComment();
    await report(shown.id, "spam", `k-${unique()}`);
    const { state, revalidated } = await run(keepReportedComment, "moderator", { id: String(shown.id) });
    expect(state).toEqual({ ok: true, message: "Kept: its reports are settled." });
    expect(revalidated).toEqual([]);
    const [entry] = await db().select().from(t.auditLog).where(eq(t.auditLog.targetId, String(shown.id)));
    expect(entry).toMatchObject({ action: "comment.keep", targetType: "comment", actorId: staff.moderator!.id, details: { wasHidden: false } });

    const hidden = await approvedComment();
    for (const r of ["p", "q", "r"]) await report(hidden.id, "abuse", `${r}-${unique()}`);
    expect((await run(keepReportedComment, "moderator", { id: String(hidden.id) })).state).toEqual({ ok: true, message: "Kept: the comment is back on the page." });
    expect((await run(keepReportedComment, "moderator", { id: "987654321" })).state).toEqual({ ok: false, message: "That comment no longer exists." });
  });

  it("a decision on a reported comment settles its reports", async () => {
    const decided = await approvedComment();
    await report(decided.id, "abuse", `d-${unique()}`);
    await run(moderateComments, "moderator", { ids: String(decided.id), decision: "spam" });
    const reports = await db().select().from(t.commentReports).where(eq(t.commentReports.commentId, decided.id));
    expect(reports).toHaveLength(1);
    expect(reports[0]!.resolvedAt).toBeInstanceOf(Date);
  });

  it("refuses Keep to anyone but staff who moderate", async () => {
    const c = await approvedComment();
    expect((await run(keepReportedComment, null, { id: String(c.id) })).state.ok).toBe(false);
    expect((await run(keepReportedComment, "writer", { id: String(c.id) })).state.ok).toBe(false);
  });

  it("rate limits reports per address", async () => {
    const c = await approvedComment();
    const ip = `flood-${unique()}`;
    for (let i = 0; i < reportRate.limit; i += 1) expect((await report(c.id, "spam", ip)).ok).toBe(true);
    expect(await report(c.id, "spam", ip)).toEqual({ ok: false, reason: "flood" });
  });
}, { seed: { password: "irrelevant-password" } });
