import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { drainMailQueue } from "@/lib/mail/queue";
import { signToken } from "@/lib/mail/tokens";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { moderateComments } from "@/lib/moderation/actions";
import { suppress } from "@/lib/newsletters/subscriptions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { startSmtpSink } from "@/test/smtp-sink";
import { confirmReplyAlerts, replyAlertLimits, replyAlertsActive, stopReplyAlerts, type AlertSite } from "./reply-alerts";
import { commentInput } from "./input";
import { submitComment } from "./submit";

// The moderation action signs its links with the server's own secret and SITE_URL.
const site: AlertSite = vi.hoisted(() => {
  const value = { secret: "reply-alert-test-secret-".padEnd(40, "x"), siteUrl: "http://news.test", siteName: "Gazette" };
  process.env.AUTH_SECRET = value.secret;
  process.env.SITE_URL = value.siteUrl;
  return value;
});

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
beforeAll(async () => {
  sink = await startSmtpSink();
  mailer = createMailer({ smtpUrl: sink.url, from: "Gazette <news@news.test>", outboxDir: "/nonexistent", poolSize: 2 });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

const tokenIn = (text: string, path: string) => {
  const match = new RegExp(`http://news\\.test${path}\\?token=([A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};

describeEachDatabase("reply alerts", (get) => {
  const unique = () => randomBytes(5).toString("hex");
  let article: { id: number; slug: string };
  let section = "";
  let ctx: ActionContext;

  beforeAll(async () => {
    const db = get().primary;
    const newsroom = await makeNewsroom(db);
    section = newsroom.home.slug;
    const made = await newsroom.article({ title: "Harbour bridge reopens", hoursAgo: 2 });
    article = { id: made.id, slug: made.slug };
    const [moderator] = await db
      .insert(t.users)
      .values({ email: `moderator-${unique()}@example.com`, name: "Mo Derator", role: "moderator", passwordHash: "x" })
      .returning();
    ctx = { staff: { id: moderator!.id, email: moderator!.email, name: moderator!.name, role: "moderator" }, db, revalidate: () => {} };
  });

  async function comment(over: Partial<t.NewComment> = {}) {
    const [row] = await get()
      .primary.insert(t.comments)
      .values({ articleId: article.id, authorName: "Ada Reader", authorEmail: `ada-${unique()}@example.com`, body: `First thoughts ${unique()}`, status: "approved", ...over })
      .returning();
    return row!;
  }
  const optedIn = (over: Partial<t.NewComment> = {}) => comment({ notifyReplies: true, ...over });
  const reply = (parent: t.Comment, over: Partial<t.NewComment> = {}) =>
    comment({ parentId: parent.id, authorName: "Bo Replier", authorEmail: `bo-${unique()}@example.com`, body: `An answer ${unique()}`, status: "pending", ...over });
  const decide = (ids: number[], decision: "approve" | "reject" | "spam") => moderateComments.execute(ctx, { ids: ids.map(String), decision });
  const queuedTo = (email: string) => get().primary.select().from(t.mailQueue).where(eq(t.mailQueue.to, email.toLowerCase()));
  const outcomes = async (replyIds: number[]) =>
    (await get().primary.select().from(t.replyAlerts).where(inArray(t.replyAlerts.replyId, replyIds))).map((r) => r.outcome);
  async function confirm(email: string) {
    const [confirmation] = await queuedTo(email);
    expect(confirmation?.subject).toBe("Confirm reply alerts from Gazette");
    const outcome = await confirmReplyAlerts(get().primary, site.secret, tokenIn(confirmation!.text, "/newsletters/replies/confirm"));
    expect(outcome).toEqual({ ok: true, email: email.toLowerCase() });
    await get().primary.delete(t.mailQueue).where(eq(t.mailQueue.to, email.toLowerCase()));
  }

  it("an unconfirmed address gets a confirmation first, never the reply; once confirmed, the next approved reply arrives over SMTP", async () => {
    const parent = await optedIn();
    const first = await reply(parent, { body: "Not for an unconfirmed address" });
    expect((await decide([first.id], "approve")).ok).toBe(true);
    const [confirmation, ...more] = await queuedTo(parent.authorEmail);
    expect(more).toHaveLength(0);
    expect(confirmation!.subject).toBe("Confirm reply alerts from Gazette");
    expect(confirmation!.text).not.toContain("Not for an unconfirmed address");
    expect(confirmation!.html).not.toContain("Not for an unconfirmed address");
    expect(await outcomes([first.id])).toEqual(["confirmation"]);

    // A second reply before the confirmation is followed asks nothing more.
    const second = await reply(parent);
    await decide([second.id], "approve");
    expect(await queuedTo(parent.authorEmail)).toHaveLength(1);
    expect(await outcomes([second.id])).toEqual(["unconfirmed"]);

    await confirm(parent.authorEmail);
    const body = `Line one <script>alert("x")</script> & more\nLine two ${unique()}`;
    const third = await reply(parent, { body, authorName: "Cy <b>Bold</b>" });
    await decide([third.id], "approve");
    expect(await outcomes([third.id])).toEqual(["alert"]);

    const before = sink.received.length;
    await drainMailQueue(get().primary, mailer);
    await sink.waitFor(before + 1);
    const [received] = sink.to(parent.authorEmail.toLowerCase());
    const mail = received!.mail!;
    expect(mail.subject).toBe("Cy <b>Bold</b> replied to your comment on Harbour bridge reopens");
    expect(mail.text).toContain(body);
    expect(mail.text).toContain(`http://news.test/${section}/${article.slug}/comment/${third.id}`);
    // The reader's words are text in the HTML, never markup.
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>Bold</b>");
    expect(mail.html).toContain(`href="http://news.test/${section}/${article.slug}/comment/${third.id}"`);
    const raw = received!.raw.toString("utf8").split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
    expect(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im.test(raw)).toBe(true);
    expect(/^List-Unsubscribe: <http:\/\/news\.test\/newsletters\/replies\/unsubscribe\?token=[\w.-]+>$/im.test(raw)).toBe(true);
    expect(mail.text).toMatch(/http:\/\/news\.test\/newsletters\/replies\?token=/);
  });

  it("the approval queues the alert's text only; the mail pass renders its HTML", async () => {
    const parent = await optedIn();
    await confirmReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-confirm", { sub: parent.id, email: parent.authorEmail }));
    const answer = await reply(parent, { body: `Rendered later ${unique()}` });
    await decide([answer.id], "approve");
    const [queued] = await queuedTo(parent.authorEmail);
    expect(queued!.text).toContain(answer.body);
    expect(queued!.html).toBe("");
    expect(queued!.template).toMatchObject({ kind: "reply-alert", props: { replyText: answer.body } });

    const before = sink.received.length;
    await drainMailQueue(get().primary, mailer);
    await sink.waitFor(before + 1);
    const [received] = sink.to(parent.authorEmail.toLowerCase());
    expect(received!.mail!.html).toContain(answer.body);
    expect(await queuedTo(parent.authorEmail)).toHaveLength(0);
  });

  it("a held reply, a spam reply and a reply to a comment that did not opt in send nothing", async () => {
    const parent = await optedIn();
    const held = await reply(parent);
    const spam = await reply(parent);
    await decide([spam.id], "spam");
    const quiet = await comment();
    const toQuiet = await reply(quiet);
    await decide([toQuiet.id], "approve");
    expect(await queuedTo(parent.authorEmail)).toHaveLength(0);
    expect(await queuedTo(quiet.authorEmail)).toHaveLength(0);
    expect(await outcomes([held.id, spam.id, toQuiet.id])).toEqual([]);
  });

  it("no alert about one's own reply, whatever the capitals of the address", async () => {
    const parent = await optedIn();
    const own = await reply(parent, { authorEmail: ` ${parent.authorEmail.toUpperCase()}` });
    await decide([own.id], "approve");
    expect(await queuedTo(parent.authorEmail)).toHaveLength(0);
    expect(await outcomes([own.id])).toEqual([]);
  });

  it("a reply approved, rejected and approved again, or approved in a bulk twice, alerts once", async () => {
    const parent = await optedIn();
    await confirmReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-confirm", { sub: parent.id, email: parent.authorEmail }));
    const answer = await reply(parent);
    await decide([answer.id], "approve");
    await decide([answer.id], "reject");
    await decide([answer.id], "approve");
    await Promise.all([decide([answer.id], "approve"), decide([answer.id], "approve")]);
    const queued = await queuedTo(parent.authorEmail);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.subject).toContain("replied to your comment");
  });

  it("an address that unsubscribed from everything, or bounced, after the comment gets nothing, not even a confirmation", async () => {
    const unsubscribed = await optedIn();
    await suppress(get().primary, unsubscribed.authorEmail, "unsubscribed");
    const bounced = await optedIn();
    await suppress(get().primary, bounced.authorEmail, "bounced");
    const replies = [await reply(unsubscribed), await reply(bounced)];
    await decide(replies.map((r) => r.id), "approve");
    expect(await queuedTo(unsubscribed.authorEmail)).toHaveLength(0);
    expect(await queuedTo(bounced.authorEmail)).toHaveLength(0);
    expect(await outcomes(replies.map((r) => r.id))).toEqual(["suppressed", "suppressed"]);
  });

  it("the stop link ends alerts for the comments posted so far; ticking the box again asks to confirm again", async () => {
    const email = `stopper-${unique()}@example.com`;
    const parent = await optedIn({ authorEmail: email });
    const first = await reply(parent);
    await decide([first.id], "approve");
    await confirm(email);
    const second = await reply(parent);
    await decide([second.id], "approve");
    const [alert] = await queuedTo(email);
    const stopToken = tokenIn(alert!.text, "/newsletters/replies");
    await get().primary.delete(t.mailQueue).where(eq(t.mailQueue.to, email));
    expect(await stopReplyAlerts(get().primary, site.secret, stopToken)).toEqual({ ok: true, email });
    expect(await stopReplyAlerts(get().primary, site.secret, `${stopToken}x`)).toEqual({ ok: false, reason: "invalid" });

    const third = await reply(parent);
    await decide([third.id], "approve");
    expect(await queuedTo(email)).toHaveLength(0);
    expect(await outcomes([third.id])).toEqual(["stopped"]);

    const later = await optedIn({ authorEmail: email });
    const fourth = await reply(later);
    await decide([fourth.id], "approve");
    expect((await queuedTo(email)).map((m) => m.subject)).toEqual(["Confirm reply alerts from Gazette"]);
  });

  it("says whether alerts reach an address: confirmed and not stopped since, whatever its capitals", async () => {
    const email = `Active-${unique()}@Example.com`;
    expect(await replyAlertsActive(get().primary, email)).toBe(false);
    const claims = { sub: 1, email: email.toLowerCase() };
    await confirmReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-confirm", claims));
    expect(await replyAlertsActive(get().primary, email.toLowerCase())).toBe(true);
    expect(await replyAlertsActive(get().primary, email)).toBe(true);
    await stopReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-stop", claims));
    expect(await replyAlertsActive(get().primary, email)).toBe(false);
    // Confirmed again after the stop.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 1000);
      await confirmReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-confirm", claims));
    } finally {
      vi.useRealTimers();
    }
    expect(await replyAlertsActive(get().primary, email)).toBe(true);
    // Stopped without ever confirming.
    const never = `never-${unique()}@example.com`;
    await stopReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-stop", { sub: 1, email: never }));
    expect(await replyAlertsActive(get().primary, never)).toBe(false);
  });

  it(`asks an address to confirm at most ${replyAlertLimits.confirmationsPerDay} times a day, one comment at a time`, async () => {
    const email = `asked-${unique()}@example.com`;
    const done: string[] = [];
    for (let i = 0; i <= replyAlertLimits.confirmationsPerDay; i++) {
      const parent = await optedIn({ authorEmail: email });
      const answer = await reply(parent);
      await decide([answer.id], "approve");
      done.push(...(await outcomes([answer.id])));
    }
    expect(done).toEqual([...Array(replyAlertLimits.confirmationsPerDay).fill("confirmation"), "unconfirmed"]);
    const queued = await queuedTo(email);
    expect(queued).toHaveLength(replyAlertLimits.confirmationsPerDay);
    // Each carries the one-click stop of RFC 8058, to the address as the comment gave it, lower-cased.
    expect(queued[0]!.headers).toMatchObject({
      "List-Unsubscribe": expect.stringMatching(/^<http:\/\/news\.test\/newsletters\/replies\/unsubscribe\?token=[A-Za-z0-9_.-]+>$/),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
    expect(queued[0]!.template).toMatchObject({ kind: "reply-confirmation", props: { siteName: "Gazette", articleTitle: "Harbour bridge reopens" } });
  });

  it(`sends an address at most ${replyAlertLimits.alertsPerHour} alerts an hour`, async () => {
    const parent = await optedIn();
    await confirmReplyAlerts(get().primary, site.secret, signToken(site.secret, "reply-confirm", { sub: parent.id, email: parent.authorEmail }));
    const replies = [];
    for (let i = 0; i <= replyAlertLimits.alertsPerHour; i++) replies.push(await reply(parent));
    await decide(replies.map((r) => r.id), "approve");
    expect(await queuedTo(parent.authorEmail)).toHaveLength(replyAlertLimits.alertsPerHour);
    const done = await outcomes(replies.map((r) => r.id));
    expect(done.filter((o) => o === "alert")).toHaveLength(replyAlertLimits.alertsPerHour);
    expect(done.filter((o) => o === "limited")).toHaveLength(1);
  });

  it("a reply published at once (open article, a known commenter) queues the alert in the same post; the opt-in is stored from the form", async () => {
    const db = get().primary;
    await db.update(t.articles).set({ commentMode: "open" }).where(eq(t.articles.id, article.id));
    try {
      const meta = { ipHash: `ip-${unique()}`, userAgent: "test", site };
      const form = (over: Record<string, string>) =>
        commentInput.parse({ articleId: String(article.id), name: "Dee Reader", website: "", elapsed: "9000", body: `A considered view on the bridge ${unique()}.`, ...over });
      const parentEmail = `dee-${unique()}@example.com`;
      const posted = await submitComment(db, form({ email: parentEmail, notifyReplies: "1" }), meta);
      expect(posted.ok).toBe(true);
      const [stored] = await db.select().from(t.comments).where(eq(t.comments.id, posted.ok ? posted.commentId : 0));
      expect(stored!.notifyReplies).toBe(true);
      expect(commentInput.parse({ articleId: "1", name: "N", email: parentEmail, body: "Two words" }).notifyReplies).toBe(false);
      await db.update(t.comments).set({ status: "approved" }).where(eq(t.comments.id, stored!.id));

      // A regular whose browser holds the key of an approved comment: published at once.
      const key = randomBytes(18).toString("base64url");
      const regular = `regular-${unique()}@example.com`;
      const earlier = await submitComment(db, form({ email: regular, commenterKey: key }), { ...meta, ipHash: `ip-${unique()}` });
      await db.update(t.comments).set({ status: "approved" }).where(eq(t.comments.id, earlier.ok ? earlier.commentId : 0));
      const answer = await submitComment(db, form({ email: regular, commenterKey: key, parentId: String(stored!.id) }), { ...meta, ipHash: `ip-${unique()}` });
      expect(answer.ok && answer.status).toBe("approved");
      expect(await outcomes([answer.ok ? answer.commentId : 0])).toEqual(["confirmation"]);
      expect((await queuedTo(parentEmail)).map((m) => m.subject)).toEqual(["Confirm reply alerts from Gazette"]);
    } finally {
      await db.update(t.articles).set({ commentMode: "moderated" }).where(eq(t.articles.id, article.id));
    }
  });
});
