import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import * as t from "@/db/schema";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { startSmtpSink } from "@/test/smtp-sink";
import { requestBreakingAlert } from "./issues";
import { emailHash } from "./links";
import { runNewsletterPass } from "./jobs";
import { deliveryQueue } from "./boss";
import { createIssue, deliveryMessageId } from "./queue";
import { confirmSubscription, limits, requestSubscription, unsubscribeWithToken } from "./subscriptions";

const secret = "newsletter-test-secret-".padEnd(40, "x");
const siteUrl = "http://news.test";
const site = { secret, siteUrl, siteName: "Gazette" };

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
const refused = new Map<string, number>();

beforeAll(async () => {
  sink = await startSmtpSink({
    refuse: (address) => {
      const code = refused.get(address);
      return code ? { code, message: code >= 500 ? "5.1.1 No such user here" : "4.2.0 Try again later" } : null;
    },
  });
  mailer = createMailer({ smtpUrl: sink.url, from: "Gazette <news@news.test>", outboxDir: "/nonexistent", poolSize: 3 });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

const linkIn = (text: string | undefined, path: string) => {
  const match = new RegExp(`${siteUrl.replace(/\./g, "\\.")}${path}\\?token=([A-Za-z0-9_.-]+)`).exec(text ?? "");
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return match[1]!;
};
/** A header as sent (mailparser folds the List-* headers into one object). */
const header = (raw: Buffer, name: string) => {
  const head = raw.toString("utf8").split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1];
};
const unsubscribeToken = (raw: Buffer) => {
  const value = header(raw, "List-Unsubscribe");
  const match = new RegExp(`^<${siteUrl.replace(/\./g, "\\.")}/newsletters/unsubscribe\\?token=([A-Za-z0-9_.-]+)>$`).exec(value ?? "");
  if (!match) throw new Error(`no one-click URL in List-Unsubscribe: ${value}`);
  return match[1]!;
};

describeEachDatabase("newsletters over SMTP", (get) => {
  const pass = (now?: Date) => runNewsletterPass(get().primary, { mailer, siteUrl, secret, now, worker: { concurrency: 3 } });
  const today = new Date().toISOString().slice(0, 10);
  /** 00:00:30 UTC tomorrow: the site's zone is UTC, so the next digest is due then */
  const tomorrow = new Date(Date.parse(`${today}T00:00:30Z`) + 24 * 3600 * 1000);

  async function lists() {
    const db = get().primary;
    const room = await makeNewsroom(db);
    const [digest] = await db.insert(t.newsletters).values({
      name: `Morning ${room.id}`,
      kind: "digest",
      sectionIds: [room.home.id],
      sendTime: "00:00",
      // Today's went out two hours ago; the next is due at midnight.
      digestDay: today,
      digestCursor: new Date(Date.now() - 2 * 3600 * 1000),
    }).returning();
    const [breaking] = await db.insert(t.newsletters).values({ name: `Breaking ${room.id}`, kind: "breaking" }).returning();
    return { room, digest: digest!, breaking: breaking! };
  }

  /** Subscribes and confirms through the received email, as a reader would. */
  async function confirmedReader(email: string, listIds: number[]) {
    const db = get().primary;
    const before = sink.to(email).length;
    expect(await requestSubscription(db, site, { email, lists: listIds, source: "home" }, { ipHash: null })).toEqual({ ok: true });
    await pass();
    const mail = sink.to(email)[before]!.mail!;
    expect((await confirmSubscription(db, secret, linkIn(mail.text, "/newsletters/confirm"))).ok).toBe(true);
  }

  it("a reader subscribes from an article, confirms from the email, gets the digest and a breaking alert, and leaves with one click", async () => {
    const db = get().primary;
    const { room, digest, breaking } = await lists();
    const first = await room.article({ title: "Harbour reopens", standfirst: "Ships return.", hoursAgo: 1 });
    const email = `reader-${room.id}@example.com`;

    expect(await requestSubscription(db, site, { email, lists: [digest.id, breaking.id], source: `article:${first.id}` }, { ipHash: "client-a" })).toEqual({ ok: true });
    // Nothing but the confirmation goes to an address that has not confirmed: an issue made now
    // has no recipient.
    const early = await createIssue(db, { newsletterId: digest.id, dedupeKey: `early-${room.id}`, subject: "x", html: "x", text: "x", articleIds: [] });
    expect(early?.recipients).toBe(0);

    await pass();
    const [confirmation] = sink.to(email);
    expect(confirmation?.mail?.subject).toBe("Confirm your subscription to Gazette");
    expect(header(confirmation!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const confirmed = await confirmSubscription(db, secret, linkIn(confirmation?.mail?.text, "/newsletters/confirm"));
    expect(confirmed).toEqual({ ok: true, email, lists: [digest.name, breaking.name] });
    const [consent] = await db.select().from(t.consents).innerJoin(t.subscribers, eq(t.subscribers.id, t.consents.subscriberId)).where(eq(t.subscribers.email, email));
    expect(consent?.newsletter_consents).toMatchObject({ method: "double-opt-in", source: `article:${first.id}`, newsletterIds: [digest.id, breaking.id] });

    // The next digest: the article, the reader's own manage link, RFC 8058 headers, no script.
    await pass(tomorrow);
    const digestMail = sink.to(email).find((m) => m.mail?.subject?.startsWith(digest.name));
    expect(digestMail?.mail?.subject).toBe(`${digest.name}: Harbour reopens`);
    expect(digestMail?.mail?.html).toContain(`${siteUrl}/${room.home.slug}/${first.slug}`);
    expect(digestMail?.mail?.html).not.toContain("<script");
    expect(digestMail?.mail?.text).toContain("Ships return.");
    const manageToken = linkIn(digestMail?.mail?.text, "/newsletters/manage");
    expect(manageToken.length).toBeGreaterThan(20);
    expect(header(digestMail!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

    // Once a day: the next passes make no second digest.
    const count = sink.to(email).length;
    await pass(tomorrow);
    await pass(new Date(tomorrow.getTime() + 3600_000));
    expect(sink.to(email).length).toBe(count);

    // Breaking news: flagged at publication, sent on the next pass.
    const urgent = await room.article({ title: "Bridge closed", section: "away", hoursAgo: 0 });
    await requestBreakingAlert(db, urgent.id, null);
    await pass();
    const alerts = sink.to(email).filter((m) => m.mail?.subject === "Breaking: Bridge closed");
    expect(alerts).toHaveLength(1);

    // One click, from the header of the alert: the address is gone, kept only as a suppression.
    expect(await unsubscribeWithToken(db, secret, unsubscribeToken(alerts[0]!.raw))).toBe("unsubscribed");
    expect(await db.select().from(t.subscribers).where(eq(t.subscribers.email, email))).toEqual([]);
    const [suppressed] = await db.select().from(t.suppressions).where(eq(t.suppressions.emailHash, emailHash(email)));
    expect(suppressed?.reason).toBe("unsubscribed");
    const later = await room.article({ title: "Later news", section: "away", hoursAgo: 0 });
    await requestBreakingAlert(db, later.id, null);
    await pass();
    expect(sink.to(email).filter((m) => m.mail?.subject === "Breaking: Later news")).toEqual([]);
  });

  it("a digest with no news since the last is passed over, and a list switched off sends nothing", async () => {
    const db = get().primary;
    const { room, digest, breaking } = await lists();
    await confirmedReader(`quiet-${room.id}@example.com`, [digest.id, breaking.id]);
    const issuesOf = async (id: number) => db.select().from(t.newsletterIssues).where(eq(t.newsletterIssues.newsletterId, id));
    // Nothing published in the digest's sections since the last one: no issue tomorrow.
    await pass(tomorrow);
    expect(await issuesOf(digest.id)).toEqual([]);
    // Switched off: a breaking article makes no alert on it.
    await db.update(t.newsletters).set({ enabled: false }).where(eq(t.newsletters.id, breaking.id));
    const urgent = await room.article({ title: `Quiet alert ${room.id}`, hoursAgo: 0 });
    await requestBreakingAlert(db, urgent.id, null);
    await pass();
    expect(await issuesOf(breaking.id)).toEqual([]);
    expect(sink.to(`quiet-${room.id}@example.com`).filter((m) => m.mail?.subject !== "Confirm your subscription to Gazette")).toEqual([]);
  });

  it("repeated signups for one address are limited, and answered exactly as a first one", async () => {
    const db = get().primary;
    const { room, digest } = await lists();
    const email = `repeat-${room.id}@example.com`;
    const answers: unknown[] = [];
    const ask = async (i: number) => answers.push(await requestSubscription(db, site, { email, lists: [digest.id], source: "home" }, { ipHash: `client-${i}` }));
    const windowPasses = () => db.execute(sql`update rate_limits set expire = now() where key like 'newsletter-confirmation:%'`);
    // Clicked twice at once: one confirmation, not one per click.
    await ask(0);
    await ask(1);
    await pass();
    expect(sink.to(email)).toHaveLength(1);
    // Past the confirmation window (its key expired here, as if an hour had gone by) a new
    // request gets a new link…
    await windowPasses();
    await ask(2);
    await pass();
    expect(sink.to(email)).toHaveLength(2);
    // …until the address's requests in the hour pass the limit: then nothing more is sent.
    for (let i = 3; i < limits.perAddress + 3; i++) {
      await windowPasses();
      await ask(i);
    }
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify({ ok: true })]));
    await pass();
    expect(sink.to(email)).toHaveLength(2);
  });

  it("a relay refusing some recipients: the others get the issue, refusals are recorded, retried or suppressed", async () => {
    const db = get().primary;
    const { room, breaking } = await lists();
    const good = `good-${room.id}@example.com`;
    const gone = `gone-${room.id}@example.com`;
    const busy = `busy-${room.id}@example.com`;
    for (const email of [good, gone, busy]) await confirmedReader(email, [breaking.id]);
    refused.set(gone, 550);
    refused.set(busy, 451);

    for (let n = 1; n <= 3; n++) {
      const article = await room.article({ title: `Alert ${n} ${room.id}`, hoursAgo: 0 });
      await requestBreakingAlert(db, article.id, null);
      await pass();
      expect(sink.to(good).filter((m) => m.mail?.subject === `Breaking: Alert ${n} ${room.id}`)).toHaveLength(1);
    }
    const rows = await db.execute(sql`
      select d.status, d.attempts, d.last_response, d.next_attempt_at > now() as later, s.email
      from newsletter_deliveries d join newsletter_issues i on i.id = d.issue_id left join newsletter_subscribers s on s.id = d.subscriber_id
      where i.newsletter_id = ${breaking.id} order by d.id`);
    const all = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { status: string; attempts: number; last_response: string; later: boolean; email: string | null }[];
    // The permanent refusal is recorded with the relay's words; after the third in a row the
    // address is suppressed (its rows stay for the counts, without it).
    const failed = all.filter((r) => r.status === "failed");
    expect(failed).toHaveLength(3);
    expect(failed[0]!.last_response).toContain("550");
    expect(await db.select().from(t.subscribers).where(eq(t.subscribers.email, gone))).toEqual([]);
    const [suppressed] = await db.select().from(t.suppressions).where(eq(t.suppressions.emailHash, emailHash(gone)));
    expect(suppressed?.reason).toBe("bounced");
    // The temporary one waits for a retry, with backoff.
    const waiting = all.filter((r) => r.email === busy);
    expect(waiting.map((r) => [r.status, Number(r.attempts), r.later])).toEqual([["queued", 1, true], ["queued", 1, true], ["queued", 1, true]]);
    expect(waiting[0]!.last_response).toContain("451");
    expect(sink.to(busy).filter((m) => m.mail?.subject?.startsWith("Breaking"))).toEqual([]);

    // pg-boss holds each of them as a retry after its backoff. Once that is due (moved to now
    // here, as if a minute had passed) and the relay takes the address, each is sent once,
    // with the Message-ID of its delivery row.
    const retries = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pgboss.job where name = ${deliveryQueue} and state = 'retry' and start_after > now() + interval '50 seconds'`));
    expect(Number(retries[0]!.n)).toBe(3);
    await db.execute(sql`update pgboss.job set start_after = now() where name = ${deliveryQueue} and state = 'retry'`);
    refused.delete(busy);
    await pass();
    const resent = sink.to(busy).filter((m) => m.mail?.subject?.startsWith("Breaking"));
    expect(resent).toHaveLength(3);
    const rowIds = rowsOf<{ id: number; status: string; attempts: number }>(
      await db.execute(sql`select d.id, d.status, d.attempts from newsletter_deliveries d join newsletter_subscribers s on s.id = d.subscriber_id where s.email = ${busy} order by d.id`),
    );
    expect(rowIds.map((r) => [r.status, Number(r.attempts)])).toEqual([["sent", 2], ["sent", 2], ["sent", 2]]);
    expect(resent.map((m) => m.mail?.messageId).sort()).toEqual(rowIds.map((r) => deliveryMessageId(Number(r.id), siteUrl)).sort());
  });
});
