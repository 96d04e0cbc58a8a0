import { randomBytes } from "node:crypto";
import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import type { ActionContext, StaffAction } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache-tags";
import { createMailer, type Mailer } from "@/lib/mail/transport";
import { describeEachDatabase } from "@/test/databases";
import { startSmtpSink } from "@/test/smtp-sink";
import { importLimit, importSubscribers, saveNewsletter } from "./actions";
import { emailHash } from "./links";
import { recordSubscriberCounts } from "./jobs";
import { exportSubscribers, listCountHistory, listNewslettersForAdmin, listRecentIssues, listSignupLists, searchSubscribers } from "./queries";
import { createIssue, runDeliveries } from "./queue";

// The newsroom's side of /admin/newsletters: the list form (create, edit, switch off), the
// issue stats, subscriber search and export, and the CSV import, each as the page calls it.

const site = { secret: "admin-test-secret-".padEnd(40, "x"), siteUrl: "http://news.test", siteName: "Gazette" };

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let mailer: Mailer;
beforeAll(async () => {
  sink = await startSmtpSink({ parse: false, refuse: (address) => (address.startsWith("refused-") ? { code: 550, message: "5.1.1 No such user" } : null) });
  mailer = createMailer({ smtpUrl: sink.url, from: "news@news.test", outboxDir: "/nonexistent", poolSize: 2 });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
});

describeEachDatabase("newsletter admin", (get) => {
  const staff: Partial<Record<t.Role, Staff>> = {};
  const unique = () => randomBytes(4).toString("hex");

  beforeAll(async () => {
    for (const u of await get().primary.select().from(t.users)) staff[u.role] = { id: u.id, email: u.email, name: u.name, role: u.role };
  });

  async function run(action: StaffAction, who: t.Role | null, input: Record<string, unknown>, as?: Staff) {
    const revalidated: string[] = [];
    const ctx: ActionContext = { staff: as ?? (who ? staff[who]! : null), db: get().primary, revalidate: (list) => revalidated.push(...list) };
    return { state: await action.execute(ctx, input), revalidated };
  }
  const listNamed = async (name: string) => (await get().primary.select().from(t.newsletters).where(eq(t.newsletters.name, name)))[0];
  /** An admin of their own, so that the import limit of one test is not another's. */
  async function freshAdmin(): Promise<Staff> {
    const [u] = await get().primary.insert(t.users).values({ email: `admin-${unique()}@news.test`, name: "Importer", role: "admin", passwordHash: "x" }).returning();
    return { id: u!.id, email: u!.email, name: u!.name, role: "admin" };
  }

  it("an admin creates a list, edits it and switches it off; the signup forms' tag is expired each time", async () => {
    const db = get().primary;
    const [section] = await db.select().from(t.sections).limit(1);
    const name = `Evening ${unique()}`;
    const created = await run(saveNewsletter, "admin", { name, description: "The day's end", kind: "digest", sections: [String(section!.id)], sendTime: "18:30", enabled: "on" });
    expect(created.state).toMatchObject({ ok: true, message: `${name} created.` });
    expect(created.revalidated).toEqual([tags.newsletters]);
    const row = (await listNamed(name))!;
    expect(row).toMatchObject({ kind: "digest", sectionIds: [section!.id], sendTime: "18:30", enabled: true, description: "The day's end" });
    expect((await listSignupLists(db)).map((l) => l.name)).toContain(name);

    const edited = await run(saveNewsletter, "admin", { id: String(row.id), name: `${name} edition`, kind: "breaking", enabled: "on" });
    expect(edited.state.ok).toBe(true);
    expect(await listNamed(`${name} edition`)).toMatchObject({ id: row.id, kind: "breaking", sectionIds: [] });

    // The checkbox unticked: no "enabled" in the form.
    const off = await run(saveNewsletter, "admin", { id: String(row.id), name: `${name} edition`, kind: "breaking" });
    expect(off.state.ok).toBe(true);
    expect(off.revalidated).toEqual([tags.newsletters]);
    expect((await listNamed(`${name} edition`))?.enabled).toBe(false);
    expect((await listSignupLists(db)).map((l) => l.id)).not.toContain(row.id);
    const admin = await listNewslettersForAdmin(db);
    expect(admin.lists.find((l) => l.id === row.id)).toMatchObject({ enabled: false, subscribers: 0 });
    const audits = await db.select().from(t.auditLog).where(and(eq(t.auditLog.targetType, "newsletter"), eq(t.auditLog.targetId, String(row.id))));
    expect(audits.map((a) => a.action).sort()).toEqual(["newsletter.create", "newsletter.update", "newsletter.update"]);
  });

  it("a bad list form is refused with what to fix and what was typed", async () => {
    const { state, revalidated } = await run(saveNewsletter, "admin", { name: "", kind: "weekly", sendTime: "25:00", description: "kept" });
    expect(state.ok).toBe(false);
    expect(Object.keys(state.errors ?? {}).sort()).toEqual(["kind", "name", "sendTime"]);
    expect(state.values).toMatchObject({ description: "kept", sendTime: "25:00" });
    expect(revalidated).toEqual([]);
  });

  it("only admins may change lists or import: editors and the signed-out are refused, and nothing changes", async () => {
    const db = get().primary;
    const name = `Sneaky ${unique()}`;
    for (const who of ["editor", "moderator", "writer", null] as const) {
      const save = await run(saveNewsletter, who, { name, kind: "breaking", enabled: "on" });
      expect(save.state.refused).toBe(who ? "forbidden" : "unauthenticated");
      const [list] = await db.select().from(t.newsletters).limit(1);
      const imported = await run(importSubscribers(site), who, { csv: `sneaky-${unique()}@example.com`, lists: [String(list!.id)], attest: "on" });
      expect(imported.state.refused).toBe(who ? "forbidden" : "unauthenticated");
    }
    expect(await listNamed(name)).toBeUndefined();
    expect(await db.select().from(t.subscribers).where(like(t.subscribers.email, "sneaky-%"))).toEqual([]);
  });

  it("the issue stats: recipients, sent, failed with the relay's reply, and the time it took", async () => {
    const db = get().primary;
    const [list] = await db.insert(t.newsletters).values({ name: `Stats ${unique()}`, kind: "breaking" }).returning();
    const stamp = unique();
    const people = await db
      .insert(t.subscribers)
      .values(["a", "b", "refused-c"].map((p) => ({ email: `${p}-${stamp}@example.com`, status: "confirmed" as const, confirmedAt: new Date() })))
      .returning();
    await db.insert(t.subscriptions).values(people.map((p) => ({ subscriberId: p.id, newsletterId: list!.id })));
    const issue = await createIssue(db, { newsletterId: list!.id, dedupeKey: `stats-${stamp}`, subject: `Stats ${stamp}`, html: "<p>x</p>", text: "x", articleIds: [] });
    await runDeliveries(db, mailer, { links: site, concurrency: 2 });
    const shown = (await listRecentIssues(db, 100)).find((i) => i.id === issue!.id);
    expect(shown).toMatchObject({ subject: `Stats ${stamp}`, recipients: 3, deliveries: { sent: 2, failed: 1 } });
    expect(shown!.finishedAt!.getTime()).toBeGreaterThanOrEqual(shown!.createdAt.getTime());
    const [failed] = await db.select().from(t.deliveries).where(and(eq(t.deliveries.issueId, issue!.id), eq(t.deliveries.status, "failed")));
    expect(failed?.lastResponse).toContain("550");
  });

  it("subscriber counts per list are kept per day for the page's table", async () => {
    const db = get().primary;
    const [list] = await db.insert(t.newsletters).values({ name: `Counted ${unique()}`, kind: "breaking" }).returning();
    const people = await db
      .insert(t.subscribers)
      .values(["x", "y", "z"].map((p) => ({ email: `count-${p}-${unique()}@example.com`, status: p === "z" ? ("pending" as const) : ("confirmed" as const) })))
      .returning();
    await db.insert(t.subscriptions).values(people.map((p) => ({ subscriberId: p.id, newsletterId: list!.id })));
    const today = new Date().toISOString().slice(0, 10);
    await recordSubscriberCounts(db, today);
    await db.delete(t.subscriptions).where(eq(t.subscriptions.subscriberId, people[0]!.id));
    await recordSubscriberCounts(db, today);
    const history = await listCountHistory(db);
    // Confirmed subscribers only, one row a day, the day's latest count.
    expect(history.filter((h) => h.newsletterId === list!.id)).toEqual([{ newsletterId: list!.id, day: today, subscribers: 1 }]);
  });

  it("subscribers are searchable (a % is a character, not a wildcard) and paged, and the export has every one with its lists", async () => {
    const db = get().primary;
    const stamp = unique();
    const [list] = await db.insert(t.newsletters).values({ name: `Search ${stamp}`, kind: "breaking" }).returning();
    const people = await db
      .insert(t.subscribers)
      .values(Array.from({ length: 55 }, (_, i) => ({ email: `find-${stamp}-${i}@example.com`, status: "confirmed" as const, confirmedAt: new Date() })))
      .returning();
    await db.insert(t.subscriptions).values({ subscriberId: people[7]!.id, newsletterId: list!.id });
    const first = await searchSubscribers(db, { q: `FIND-${stamp}`, page: 1 });
    expect(first.rows).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const second = await searchSubscribers(db, { q: `find-${stamp}`, page: 2 });
    expect(second.rows).toHaveLength(5);
    expect(second.hasMore).toBe(false);
    const one = await searchSubscribers(db, { q: `find-${stamp}-7@`, page: 1 });
    expect(one.rows.map((r) => [r.email, r.lists])).toEqual([[`find-${stamp}-7@example.com`, [`Search ${stamp}`]]]);
    expect((await searchSubscribers(db, { q: `find-${stamp}%`, page: 1 })).rows).toEqual([]);

    const exported: { email: string; lists: string }[] = [];
    for await (const page of exportSubscribers(db)) exported.push(...page);
    const mine = exported.filter((r) => r.email.startsWith(`find-${stamp}-`));
    expect(mine).toHaveLength(55);
    expect(mine.find((r) => r.email === `find-${stamp}-7@example.com`)?.lists).toBe(`Search ${stamp}`);
  });

  it("a CSV import without attested consent only sends confirmations, once each even when the import is retried", async () => {
    const db = get().primary;
    const admin = await freshAdmin();
    const stamp = unique();
    const [list] = await db.insert(t.newsletters).values({ name: `Import ${stamp}`, kind: "breaking" }).returning();
    await db.insert(t.suppressions).values({ emailHash: emailHash(`left-${stamp}@example.com`), reason: "unsubscribed" });
    const csv = `name,email\nAda,ada-${stamp}@example.com\nBo,BO-${stamp}@Example.com\nLeft,left-${stamp}@example.com\nNobody,not-an-address\n`;
    const first = await run(importSubscribers(site), "admin", { csv, lists: [String(list!.id)] }, admin);
    expect(first.state).toMatchObject({ ok: true });
    expect(first.state.message).toBe("2 address(es) sent a confirmation email; 1 suppressed and skipped; 1 invalid row(s).");
    const imported = await db.select().from(t.subscribers).where(inArray(t.subscribers.email, [`ada-${stamp}@example.com`, `bo-${stamp}@example.com`]));
    expect(imported.map((s) => s.status)).toEqual(["pending", "pending"]);
    expect(await db.select().from(t.subscriptions).where(eq(t.subscriptions.newsletterId, list!.id))).toEqual([]);
    const queued = () => db.select({ to: t.mailQueue.to, subject: t.mailQueue.subject }).from(t.mailQueue).where(like(t.mailQueue.to, `%-${stamp}@example.com`));
    expect((await queued()).map((m) => m.to).sort()).toEqual([`ada-${stamp}@example.com`, `bo-${stamp}@example.com`]);

    // The same file again (a double click, a retried upload): no second confirmation.
    const again = await run(importSubscribers(site), "admin", { csv, lists: [String(list!.id)] }, admin);
    expect(again.state.message).toContain("2 of them had been sent one within the hour");
    expect(await queued()).toHaveLength(2);
  });

  it("a CSV import with attested consent subscribes at once and records who attested", async () => {
    const db = get().primary;
    const admin = await freshAdmin();
    const stamp = unique();
    const [list] = await db.insert(t.newsletters).values({ name: `Attested ${stamp}`, kind: "breaking" }).returning();
    const { state } = await run(importSubscribers(site), "admin", { csv: `email\nyes-${stamp}@example.com\n`, lists: [String(list!.id)], attest: "on" }, admin);
    expect(state.message).toBe("1 address(es) subscribed (consent attested by you); 0 suppressed and skipped; 0 invalid row(s).");
    const [row] = await db.select().from(t.subscribers).where(eq(t.subscribers.email, `yes-${stamp}@example.com`));
    expect(row?.status).toBe("confirmed");
    expect(await db.select({ id: t.subscriptions.newsletterId }).from(t.subscriptions).where(eq(t.subscriptions.subscriberId, row!.id))).toEqual([{ id: list!.id }]);
    const [consent] = await db.select().from(t.consents).where(eq(t.consents.subscriberId, row!.id));
    expect(consent).toMatchObject({ method: "import-attested", source: "import", attestedBy: admin.id, newsletterIds: [list!.id] });
    expect(await db.select().from(t.mailQueue).where(eq(t.mailQueue.to, `yes-${stamp}@example.com`))).toEqual([]);
  });

  it(`imports are rate limited: ${importLimit.perHour} an hour per admin`, async () => {
    const db = get().primary;
    const admin = await freshAdmin();
    const [list] = await db.insert(t.newsletters).values({ name: `Limit ${unique()}`, kind: "breaking" }).returning();
    const answers = [];
    for (let i = 0; i <= importLimit.perHour; i++) {
      answers.push((await run(importSubscribers(site), "admin", { csv: `limit-${unique()}@example.com`, lists: [String(list!.id)], attest: "on" }, admin)).state);
    }
    expect(answers.slice(0, importLimit.perHour).every((a) => a.ok)).toBe(true);
    expect(answers[importLimit.perHour]).toMatchObject({ ok: false, message: `Please wait: at most ${importLimit.perHour} imports an hour.` });
    // Another admin is not held up by this one.
    expect((await run(importSubscribers(site), "admin", { csv: `limit-${unique()}@example.com`, lists: [String(list!.id)], attest: "on" }, await freshAdmin())).state.ok).toBe(true);
  });
}, { seed: { password: "irrelevant-password" } });
