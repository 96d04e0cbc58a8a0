import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { spamRules } from "./spam";
import { commentInput, commentMessages } from "./input";
import { submitComment } from "./submit";

const valid = { articleId: "1", body: "A thoughtful comment.", name: "Reader", email: "reader@example.com", website: "" };

describe("commentInput", () => {
  it.each([
    ["body", { body: " " }, commentMessages.body],
    ["name", { name: "" }, commentMessages.name],
    ["email", { email: "not-an-email" }, commentMessages.email],
    ["email", { email: "аdmin@example.com" }, commentMessages.email], // Cyrillic а
    ["website", { website: "javascript:alert(1)" }, commentMessages.website],
    ["website", { website: "data:text/html,<script>alert(1)</script>" }, commentMessages.website],
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

  it("reads the honeypot and the form's timing without ever failing on them", () => {
    const parsed = commentInput.parse({ ...valid, subject: "  spam offer ", elapsed: "nonsense" });
    expect(parsed.subject).toBe("spam offer");
    expect(parsed.elapsed).toBeUndefined();
    expect(commentInput.parse({ ...valid, elapsed: "4200" }).elapsed).toBe(4200);
    // A form sent before its script ran (or without one) leaves the field empty: no timing, not zero.
    expect(commentInput.parse({ ...valid, elapsed: "" }).elapsed).toBeUndefined();
  });
});

describeEachDatabase("submitComment", (db) => {
  let articleId = 0;
  let known = "";
  const unique = () => randomBytes(6).toString("hex");

  beforeAll(async () => {
    const [article] = await db().primary.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "published")).limit(1);
    articleId = article!.id;
    const [approved] = await db().primary.select().from(t.comments).where(eq(t.comments.status, "approved")).limit(1);
    known = approved!.authorEmail;
  });

  // A reader who took their time, with their own words, email and address: no check fires.
  const input = (over: Record<string, unknown> = {}) =>
    commentInput.parse({
      ...valid,
      articleId: String(articleId),
      body: `A thoughtful comment, number ${unique()}.`,
      email: `reader-${unique()}@example.com`,
      elapsed: "8000",
      ...over,
    });
  const meta = () => ({ ipHash: `ip-${unique()}`, userAgent: "test" });
  const row = async (id: number) => (await db().primary.select().from(t.comments).where(eq(t.comments.id, id)))[0]!;
  const setMode = (mode: t.CommentMode) => db().primary.update(t.articles).set({ commentMode: mode }).where(eq(t.articles.id, articleId));
  const post = async (over: Record<string, unknown> = {}, m = meta()) => {
    const outcome = await submitComment(db().primary, input(over), m);
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    return { outcome, stored: await row(outcome.commentId) };
  };

  it("holds a clean comment on a moderated article, with no reasons", async () => {
    const { outcome, stored } = await post();
    expect(outcome.status).toBe("pending");
    expect(stored.spamReasons).toEqual([]);
  });

  it("refuses posts to a closed article and changes nothing", async () => {
    await setMode("closed");
    try {
      const before = await db().primary.select().from(t.comments).where(eq(t.comments.articleId, articleId));
      const outcome = await submitComment(db().primary, input(), meta());
      expect(outcome).toEqual({ ok: false, reason: "closed" });
      const after = await db().primary.select().from(t.comments).where(eq(t.comments.articleId, articleId));
      expect(after.length).toBe(before.length);
    } finally {
      await setMode("moderated");
    }
  });

  it("refuses comments on drafts", async () => {
    const [draft] = await db().primary.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "draft"));
    expect(await submitComment(db().primary, input({ articleId: String(draft!.id) }), meta())).toEqual({ ok: false, reason: "missing" });
  });

  it("makes one comment of a form sent twice", async () => {
    const key = "k".repeat(20) + Date.now();
    const first = await submitComment(db().primary, input({ idempotencyKey: key }), meta());
    const second = await submitComment(db().primary, input({ idempotencyKey: key }), meta());
    expect(first.ok && second.ok && first.commentId === second.commentId).toBe(true);
    const rows = await db().primary.select().from(t.comments).where(eq(t.comments.idempotencyKey, key));
    expect(rows).toHaveLength(1);
  });

  it("makes one comment of a form sent twenty times at once", async () => {
    const key = `double-${unique()}-${unique()}`;
    const same = input({ idempotencyKey: key });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => submitComment(db().primary, same, meta())));
    const ids = new Set(outcomes.map((o) => (o.ok ? o.commentId : null)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toEqual(expect.any(Number));
    const [n] = await db().primary.select({ n: count() }).from(t.comments).where(eq(t.comments.idempotencyKey, key));
    expect(Number(n!.n)).toBe(1);
  });

  it("open: publishes at once only with the commenter key of an approved comment by that email, when every check passes", async () => {
    await setMode("open");
    const key = randomBytes(18).toString("base64url");
    const email = `regular-${unique()}@example.com`;
    const approve = (id: number) => db().primary.update(t.comments).set({ status: "approved" }).where(eq(t.comments.id, id));
    try {
      // Someone who types the email of a commenter with approved comments is told nothing new.
      expect((await post({ email: known })).outcome.status).toBe("pending");
      // The commenter's first keyed comment waits, until a moderator approves it; a wrong key is nobody.
      const first = await post({ email, commenterKey: key });
      expect(first.outcome.status).toBe("pending");
      expect(first.stored.commenterKeyHash).toBeTruthy();
      expect(first.stored.commenterKeyHash).not.toContain(key);
      await approve(first.outcome.commentId);
      expect((await post({ email, commenterKey: randomBytes(18).toString("base64url") })).outcome.status).toBe("pending");
      expect((await post({ email: email.toUpperCase(), commenterKey: key })).outcome.status).toBe("approved");
      // the key with another email is no one's trust
      expect((await post({ commenterKey: key })).outcome.status).toBe("pending");
      // The same email and key, but a check fires: it waits, and the reason says why.
      const timing = await post({ email, commenterKey: key, elapsed: undefined });
      expect(timing.outcome.status).toBe("pending");
      expect(timing.stored.spamReasons).toEqual([expect.stringContaining("No form timing")]);
    } finally {
      await setMode("moderated");
    }
  });

  it("keeps what it was sent beside the comment: the browser's name cut short, the opt-in, the address", async () => {
    const m = { ipHash: `ip-${unique()}`, userAgent: `Agent/${"x".repeat(600)}` };
    const { stored } = await post({ notifyReplies: "1", website: "https://reader.example/" }, m);
    expect(stored).toMatchObject({ userAgent: m.userAgent.slice(0, 500), notifyReplies: true, ipHash: m.ipHash, authorWebsite: "https://reader.example/" });
    const { stored: quiet } = await post({}, { ipHash: null, userAgent: null } as never);
    expect(quiet).toMatchObject({ userAgent: null, notifyReplies: false, ipHash: null });
  });

  it("answers a form sent again with the first comment as it was filed, reasons and all", async () => {
    const key = `again-${unique()}-${unique()}`;
    const first = await submitComment(db().primary, input({ idempotencyKey: key, subject: "filled by a script" }), meta());
    expect(first).toMatchObject({ ok: true, status: "spam" });
    // Sent again without the honeypot filled: still the first comment, still its reasons.
    const again = await submitComment(db().primary, input({ idempotencyKey: key }), meta());
    expect(again).toEqual(first);
  });

  it("a reply published at once queues its parent's reply alert, in the same save; a held one does not", async () => {
    await setMode("open");
    const site = { secret: "s".repeat(40), siteUrl: "http://localhost:3000", siteName: "Gazette" };
    const key = randomBytes(18).toString("base64url");
    const email = `replier-${unique()}@example.com`;
    try {
      const [parent] = await db()
        .primary.insert(t.comments)
        .values({ articleId, authorName: "Asker", authorEmail: `asker-${unique()}@example.com`, body: `A question ${unique()}?`, status: "approved", notifyReplies: true })
        .returning();
      const first = await post({ email, commenterKey: key });
      await db().primary.update(t.comments).set({ status: "approved" }).where(eq(t.comments.id, first.outcome.commentId));
      const alerts = async (replyId: number) => db().primary.select().from(t.replyAlerts).where(eq(t.replyAlerts.replyId, replyId));

      const published = await submitComment(db().primary, input({ email, commenterKey: key, parentId: String(parent!.id) }), { ...meta(), site });
      expect(published).toMatchObject({ ok: true, status: "approved" });
      const [alert] = await alerts((published as { commentId: number }).commentId);
      expect(alert).toMatchObject({ parentId: parent!.id, outcome: "confirmation" });

      const held = await submitComment(db().primary, input({ parentId: String(parent!.id) }), { ...meta(), site });
      expect(held).toMatchObject({ ok: true, status: "pending" });
      expect(await alerts((held as { commentId: number }).commentId)).toEqual([]);
      // A comment that is no reply queues nothing, published or not.
      const top = await submitComment(db().primary, input({ email, commenterKey: key }), { ...meta(), site });
      expect(top).toMatchObject({ ok: true, status: "approved" });
      expect(await alerts((top as { commentId: number }).commentId)).toEqual([]);
    } finally {
      await setMode("moderated");
    }
  });

  it("finds a repeated text by its fingerprint, whatever its capitals and invisible characters", async () => {
    const body = `The same words posted twice ${unique()}`;
    const original = await post({ body });
    const again = await post({ body: `${body.toUpperCase().replace("SAME", "SA\u200BME")}` });
    expect(again.outcome.status).toBe("spam");
    expect(again.stored.spamReasons).toEqual([`Same text as comment #${original.outcome.commentId} on this article within the hour`]);
  });

  it("attaches a reply to a reply to the top-level comment", async () => {
    const [reply] = await db().primary.select().from(t.comments).where(eq(t.comments.status, "approved")).then((rows) => rows.filter((r) => r.parentId !== null));
    const { stored } = await post({ articleId: String(reply!.articleId), parentId: String(reply!.id) });
    expect(stored.parentId).toBe(reply!.parentId);
  });

  it("strips control bytes from names and text", async () => {
    const { stored } = await post({ name: "Ev\u0000il\u0007", body: `Line one\nLine\u0008 two ${unique()}` });
    expect(stored.authorName).toBe("Evil");
    expect(stored.body).toMatch(/^Line one\nLine two /);
  });

  describe("spam defences, each leaving its reason", () => {
    it("files a filled honeypot as spam", async () => {
      const { outcome, stored } = await post({ subject: "Cheap watches" });
      expect(outcome.status).toBe("spam");
      expect(stored.spamReasons).toEqual(["The hidden field that people never see was filled in"]);
    });

    it("files a form sent faster than a person can write as spam", async () => {
      const { outcome, stored } = await post({ elapsed: "900" });
      expect(outcome.status).toBe("spam");
      expect(stored.spamReasons).toEqual([`Sent 0.9 s after the form appeared (minimum ${spamRules.minSeconds} s)`]);
    });

    it("refuses banned words and holds suspect ones, even on an open article", async () => {
      const banned = `forbidden${unique()}`;
      const suspect = `dubious${unique()}`;
      await db().primary.insert(t.bannedWords).values([
        { word: banned, kind: "banned" },
        { word: suspect, kind: "suspect" },
      ]);
      await setMode("open");
      try {
        const refused = await post({ email: known, body: `This has ${banned.toUpperCase()} in it` });
        expect(refused.outcome.status).toBe("rejected");
        expect(refused.stored.spamReasons).toEqual([`Banned word: "${banned}"`]);
        const held = await post({ email: known, body: `This is ${suspect}, surely` });
        expect(held.outcome.status).toBe("pending");
        expect(held.stored.spamReasons).toEqual([`Suspect word: "${suspect}"`]);
      } finally {
        await setMode("moderated");
      }
    });

    it("files comments from banned emails and addresses as spam", async () => {
      const email = `banned-${unique()}@example.com`;
      const ipHash = `ip-${unique()}`;
      await db().primary.insert(t.bannedCommenters).values([
        { kind: "email", value: email },
        { kind: "ip", value: ipHash },
      ]);
      const byEmail = await post({ email: email.toUpperCase() });
      expect(byEmail.outcome.status).toBe("spam");
      expect(byEmail.stored.spamReasons).toEqual(["Banned email address"]);
      const byIp = await post({}, { ipHash, userAgent: "test" });
      expect(byIp.stored.spamReasons).toEqual(["Banned IP address"]);
    });

    it("files the same text on the same article within the hour as spam", async () => {
      const body = `Exactly these words ${unique()}`;
      const first = await post({ body });
      const again = await post({ body: `  ${body.toUpperCase()} ` });
      expect(first.outcome.status).toBe("pending");
      expect(again.outcome.status).toBe("spam");
      expect(again.stored.spamReasons).toEqual([`Same text as comment #${first.outcome.commentId} on this article within the hour`]);
    });

    it("limits comments per address and per email, and refuses a flood without storing it", async () => {
      const m = meta();
      const statuses: string[] = [];
      for (let i = 0; i < spamRules.rate.limit + 1; i++) statuses.push((await post({}, m)).outcome.status);
      expect(statuses).toEqual([...Array(spamRules.rate.limit).fill("pending"), "spam"]);
      const last = await db().primary.select().from(t.comments).where(eq(t.comments.ipHash, m.ipHash)).orderBy(t.comments.id);
      expect(last.at(-1)!.spamReasons).toEqual([`${spamRules.rate.limit + 1} comments from this IP address in 10 minutes (limit ${spamRules.rate.limit})`]);

      const email = `busy-${unique()}@example.com`;
      for (let i = 0; i < spamRules.rate.limit; i++) await post({ email });
      const sixth = await post({ email });
      expect(sixth.stored.spamReasons).toEqual([`${spamRules.rate.limit + 1} comments from this email in 10 minutes (limit ${spamRules.rate.limit})`]);

      for (let i = spamRules.rate.limit + 1; i < spamRules.rate.refuseAbove; i++) await post({}, m);
      const before = last.length + spamRules.rate.refuseAbove - spamRules.rate.limit - 1;
      expect(await submitComment(db().primary, input(), m)).toEqual({ ok: false, reason: "flood" });
      const [n] = await db().primary.select({ n: count() }).from(t.comments).where(eq(t.comments.ipHash, m.ipHash));
      expect(Number(n!.n)).toBe(before);

      // Once the window is over, the address starts again from one.
      await db().primary.update(t.rateLimits).set({ expire: sql`now() - interval '1 second'` }).where(eq(t.rateLimits.key, `comment-ip:${m.ipHash}`));
      const fresh = await post({}, m);
      expect(fresh.outcome.status).toBe("pending");
      const [counter] = await db().primary.select().from(t.rateLimits).where(eq(t.rateLimits.key, `comment-ip:${m.ipHash}`));
      expect(counter!.points).toBe(1);
      expect(counter!.expire!.getTime()).toBeGreaterThan(Date.now() + (spamRules.rate.windowSeconds - 60) * 1000);
    });
  });

  it("keeps every one of 200 concurrent posts, exactly once", async () => {
    const [template] = await db().primary.select().from(t.articles).where(eq(t.articles.id, articleId));
    const [fresh] = await db()
      .primary.insert(t.articles)
      .values({
        slug: `concurrency-${unique()}`,
        title: "Concurrency",
        sectionId: template!.sectionId,
        authorId: template!.authorId,
        status: "published",
        publishedAt: new Date(),
      })
      .returning({ id: t.articles.id });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        submitComment(db().primary, input({ articleId: String(fresh!.id), idempotencyKey: `burst-${unique()}-${i}` }), meta()),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const ids = outcomes.map((o) => (o.ok ? o.commentId : 0));
    expect(new Set(ids).size).toBe(200);
    const [n] = await db().primary.select({ n: count() }).from(t.comments).where(eq(t.comments.articleId, fresh!.id));
    expect(Number(n!.n)).toBe(200);
    const stored = await db().primary.select({ id: t.comments.id }).from(t.comments).where(and(eq(t.comments.articleId, fresh!.id), inArray(t.comments.id, ids)));
    expect(stored).toHaveLength(200);
  });
}, { seed: { password: "irrelevant-password" } });
