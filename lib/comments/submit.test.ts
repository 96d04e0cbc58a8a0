import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedIfEmpty } from "@/db/seed";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { commentInput, commentMessages, submitComment } from "./submit";

const valid = { articleId: "1", body: "A thoughtful comment.", name: "Reader", email: "reader@example.com", website: "" };

describe("commentInput", () => {
  it.each([
    ["body", { body: " " }, commentMessages.body],
    ["name", { name: "" }, commentMessages.name],
    ["email", { email: "not-an-email" }, commentMessages.email],
    ["website", { website: "javascript:alert(1)" }, commentMessages.website],
  ])("says what to fix in %s", (field, change, message) => {
    const result = commentInput.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    const errors = z.flattenError(result.error!).fieldErrors as Record<string, string[]>;
    expect(errors[field]).toContain(message);
  });

  it("bounds lengths", () => {
    expect(commentInput.safeParse({ ...valid, body: "x".repeat(5001) }).success).toBe(false);
    expect(commentInput.safeParse({ ...valid, name: "x".repeat(81) }).success).toBe(false);
    expect(commentInput.safeParse({ ...valid, email: `${"x".repeat(250)}@example.com` }).success).toBe(false);
    expect(commentInput.safeParse({ ...valid, body: "ok", website: "https://example.net/me" }).success).toBe(true);
  });
});

describeEachDatabase("submitComment", (db) => {
  let articleId = 0;
  beforeAll(async () => {
    await seedIfEmpty(db().primary, { password: "irrelevant-password", log: () => {} });
    const [article] = await db().primary.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "published")).limit(1);
    articleId = article!.id;
  });
  const input = (over: Record<string, unknown> = {}) => commentInput.parse({ ...valid, articleId: String(articleId), ...over });
  const meta = { ipHash: "hash", userAgent: "test" };

  it("holds a comment on a moderated article for moderation", async () => {
    const outcome = await submitComment(db().primary, input(), meta);
    expect(outcome).toMatchObject({ ok: true, status: "pending" });
  });

  it("refuses posts to a closed article and changes nothing", async () => {
    await db().primary.update(t.articles).set({ commentMode: "closed" }).where(eq(t.articles.id, articleId));
    const before = await db().primary.select().from(t.comments).where(eq(t.comments.articleId, articleId));
    const outcome = await submitComment(db().primary, input(), meta);
    expect(outcome).toEqual({ ok: false, reason: "closed" });
    const after = await db().primary.select().from(t.comments).where(eq(t.comments.articleId, articleId));
    expect(after.length).toBe(before.length);
    await db().primary.update(t.articles).set({ commentMode: "moderated" }).where(eq(t.articles.id, articleId));
  });

  it("refuses comments on drafts", async () => {
    const [draft] = await db().primary.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "draft"));
    expect(await submitComment(db().primary, input({ articleId: String(draft!.id) }), meta)).toEqual({ ok: false, reason: "missing" });
  });

  it("makes one comment of a form sent twice", async () => {
    const key = "k".repeat(20) + Date.now();
    const first = await submitComment(db().primary, input({ idempotencyKey: key }), meta);
    const second = await submitComment(db().primary, input({ idempotencyKey: key }), meta);
    expect(first.ok && second.ok && first.commentId === second.commentId).toBe(true);
    const rows = await db().primary.select().from(t.comments).where(eq(t.comments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it("publishes at once on an open article for an email with an approved comment", async () => {
    await db().primary.update(t.articles).set({ commentMode: "open" }).where(eq(t.articles.id, articleId));
    const [known] = await db().primary.select().from(t.comments).where(eq(t.comments.status, "approved")).limit(1);
    expect(await submitComment(db().primary, input({ email: known!.authorEmail }), meta)).toMatchObject({ status: "approved" });
    expect(await submitComment(db().primary, input({ email: "stranger@example.com" }), meta)).toMatchObject({ status: "pending" });
    await db().primary.update(t.articles).set({ commentMode: "moderated" }).where(eq(t.articles.id, articleId));
  });

  it("attaches a reply to a reply to the top-level comment", async () => {
    const [reply] = await db().primary.select().from(t.comments).where(eq(t.comments.status, "approved")).then((rows) => rows.filter((r) => r.parentId !== null));
    const outcome = await submitComment(db().primary, input({ articleId: String(reply!.articleId), parentId: String(reply!.id) }), meta);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [row] = await db().primary.select().from(t.comments).where(eq(t.comments.id, outcome.commentId));
    expect(row?.parentId).toBe(reply!.parentId);
  });

  it("strips control bytes from names and text", async () => {
    const outcome = await submitComment(db().primary, input({ name: "Ev\u0000il\u0007", body: "Line one\nLine\u0008 two" }), meta);
    if (!outcome.ok) throw new Error("refused");
    const [row] = await db().primary.select().from(t.comments).where(eq(t.comments.id, outcome.commentId));
    expect(row?.authorName).toBe("Evil");
    expect(row?.body).toBe("Line one\nLine two");
  });
});
