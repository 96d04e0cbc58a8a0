import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import type { Db } from "@/db/client";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { describeEachDatabase } from "@/test/databases";
import { serveInternalRoute } from "@/test/internal-route";
import { makeNewsroom } from "@/test/newsroom";

// The readers' two actions as a form calls them. Next.js gives them the request's headers and
// revalidateTag; they are given per test here (revalidateTag recorded), as are the database
// and the after-response mail trigger. A report that takes a comment down expires its pages
// through the server's internal route: a real HTTP server records what it is asked.
const request = vi.hoisted(() => ({ headers: new Headers(), db: undefined as unknown, expired: [] as string[], mailSoon: 0 }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next/cache", () => ({ revalidateTag: (tag: string) => void request.expired.push(tag) }));
vi.mock("@/lib/mail/send-soon", () => ({ sendQueuedMailSoon: () => void request.mailSoon++ }));
vi.mock("@/db/client", async (importOriginal) => ({
  ...(await importOriginal<object>()),
  database: async () => ({ router: undefined }),
  getPrimaryDb: async () => request.db,
}));

const internal = await serveInternalRoute();

const { postComment, reportCommentAction } = await import("./actions");
const { commentMessages, reportMessages } = await import("./input");
const { hashCommenterKey } = await import("./submit");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
const unique = () => randomBytes(5).toString("hex");

describeEachDatabase("the readers' comment and report actions", (database) => {
  const db = () => database().primary as Db;
  let article: { id: number; slug: string };
  let closed: { id: number };

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db());
    article = await newsroom.article({ title: "Open For Comments", hoursAgo: 4 });
    closed = await newsroom.article({ title: "Closed For Comments", hoursAgo: 4 });
    await db().update(t.articles).set({ commentMode: "open" }).where(eq(t.articles.id, article.id));
    await db().update(t.articles).set({ commentMode: "closed" }).where(eq(t.articles.id, closed.id));
    await db().insert(t.siteSettings).values({ id: 1 }).onConflictDoNothing();
    await db().update(t.siteSettings).set({ reportsToHide: 2 }).where(eq(t.siteSettings.id, 1));
    await db().insert(t.bannedWords).values({ word: `forbiddenword${unique()}`, kind: "banned" });
  });
  beforeEach(() => {
    request.db = db();
    request.headers = new Headers({ "x-gazette-peer": `203.0.113.${Math.floor(Math.random() * 250)}`, "user-agent": "Firefox/140" });
    request.expired = [];
    request.mailSoon = 0;
    internal.length = 0;
  });

  const comment = (over: Record<string, string> = {}) => ({
    articleId: String(article.id),
    body: `A considered comment on the matter ${unique()}`,
    name: "Careful Reader",
    email: `careful-${unique()}@example.net`,
    elapsed: "9000",
    ...over,
  });

  it("says what to fix and keeps what was typed, less control bytes", async () => {
    const state = await postComment({ ok: false }, form({ articleId: String(article.id), body: "", name: "Ann\u0007", email: "not an email", website: "ftp://x.example", notifyReplies: "1" }));
    expect(state).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      errors: { body: [commentMessages.body], name: undefined, email: [commentMessages.email], website: [commentMessages.website] },
      values: { body: "", name: "Ann", email: "not an email", website: "ftp://x.example", notifyReplies: "1" },
    });
  });

  it("holds a new reader's comment for moderation, giving back their details but not the comment", async () => {
    const fields = comment({ website: "https://reader.example" });
    const state = await postComment({ ok: false }, form(fields));
    expect(state).toMatchObject({
      ok: true,
      message: commentMessages.awaiting,
      values: { name: "Careful Reader", email: fields.email, website: "https://reader.example" },
      posted: { name: "Careful Reader", body: fields.body, status: "pending", parentId: null },
    });
    expect(Object.keys(state.values ?? {})).toEqual(["name", "email", "website"]);
    const [row] = await db().select().from(t.comments).where(eq(t.comments.id, state.posted!.id));
    expect(row).toMatchObject({ status: "pending", userAgent: "Firefox/140" });
    expect(row!.ipHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(request.expired).toEqual([]);
  });

  it("publishes a known commenter's comment at once and expires the article's pages; a reply wakes the mail sender", async () => {
    const email = `known-${unique()}@example.net`;
    const commenterKey = randomBytes(24).toString("base64url");
    const [earlier] = await db()
      .insert(t.comments)
      .values({ articleId: article.id, authorName: "Known", authorEmail: email, body: "Earlier", status: "approved", commenterKeyHash: hashCommenterKey(commenterKey) })
      .returning();
    const state = await postComment({ ok: false }, form(comment({ email, commenterKey })));
    expect(state).toMatchObject({ ok: true, message: commentMessages.published, posted: { status: "approved" } });
    expect(request.expired.sort()).toEqual([...new Set(await getArticlePageTags(db(), article.id))].sort());
    expect(request.mailSoon).toBe(0);

    request.expired = [];
    const reply = await postComment({ ok: false }, form(comment({ email, commenterKey, parentId: String(earlier!.id) })));
    expect(reply).toMatchObject({ ok: true, posted: { status: "approved", parentId: earlier!.id } });
    expect(request.mailSoon).toBe(1);
  });

  it("refuses banned words, closed and missing articles, each with its own message", async () => {
    const [word] = await db().select().from(t.bannedWords).where(eq(t.bannedWords.kind, "banned"));
    const rejected = await postComment({ ok: false }, form(comment({ body: `This has ${word!.word} in it` })));
    expect(rejected).toMatchObject({ ok: false, message: commentMessages.rejected, errors: { body: [commentMessages.rejected] } });
    expect(await postComment({ ok: false }, form(comment({ articleId: String(closed.id) })))).toMatchObject({ ok: false, message: commentMessages.closed });
    expect(await postComment({ ok: false }, form(comment({ articleId: "987654321" })))).toMatchObject({ ok: false, message: commentMessages.missing });
  });

  it("answers with the form as typed, and its key for a retry, when the database is away", async () => {
    request.db = { ...db(), select: () => { throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" }); }, transaction: () => { throw Object.assign(new Error("refused"), { code: "ECONNREFUSED" }); } };
    const key = randomBytes(16).toString("base64url");
    const fields = comment({ idempotencyKey: key });
    const state = await postComment({ ok: false }, form(fields));
    expect(state).toMatchObject({ ok: false, message: commentMessages.unavailable, values: { body: fields.body, name: fields.name, email: fields.email }, idempotencyKey: key });
  });

  it("takes a report, asks for a reason, and takes a comment down at the set number of readers", async () => {
    const [shown] = await db().insert(t.comments).values({ articleId: article.id, authorName: "Loud", authorEmail: "loud@example.net", body: "Rude", status: "approved" }).returning();
    expect(await reportCommentAction({ ok: false }, form({ commentId: String(shown!.id), note: "why?" }))).toEqual({
      ok: false,
      message: "Please correct the highlighted fields.",
      errors: { reason: [reportMessages.reason], note: undefined },
      values: { reason: undefined, note: "why?" },
    });
    expect(await reportCommentAction({ ok: false }, form({ commentId: String(shown!.id), reason: "abuse" }))).toEqual({ ok: true, message: reportMessages.thanks });
    expect(internal).toEqual([]);
    request.headers = new Headers({ "x-gazette-peer": "198.51.100.7" });
    expect(await reportCommentAction({ ok: false }, form({ commentId: String(shown!.id), reason: "abuse" }))).toEqual({ ok: true, message: reportMessages.thanks });
    expect(internal.map((r) => r.tags)).toEqual([[...new Set(await getArticlePageTags(db(), article.id))]]);
    // the reporter's own page is not re-rendered by the action
    expect(request.expired).toEqual([]);
    expect(await reportCommentAction({ ok: false }, form({ commentId: "987654321", reason: "spam" }))).toMatchObject({ ok: false, message: reportMessages.missing });
  });
}, { seed: { password: "irrelevant-password" } });
