import "server-only";
import { and, asc, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { newsletterCounts, newsletterIssues, newsletters, sections, subscribers, subscriptions } from "@/db/schema";
import { deliveryCounts } from "./queue";

export type SignupList = { id: number; name: string; description: string };

/** The lists a reader may join: enabled ones, in the newsroom's order. */
export async function listSignupLists(db: Db): Promise<SignupList[]> {
  return db
    .select({ id: newsletters.id, name: newsletters.name, description: newsletters.description })
    .from(newsletters)
    .where(eq(newsletters.enabled, true))
    .orderBy(asc(newsletters.position), asc(newsletters.id));
}

export async function listNewslettersForAdmin(db: Db) {
  const [lists, counts, allSections] = await Promise.all([
    db.select().from(newsletters).orderBy(asc(newsletters.position), asc(newsletters.id)),
    db
      .select({ newsletterId: subscriptions.newsletterId, n: sql<number>`count(*)::int` })
      .from(subscriptions)
      .innerJoin(subscribers, and(eq(subscribers.id, subscriptions.subscriberId), eq(subscribers.status, "confirmed")))
      .groupBy(subscriptions.newsletterId),
    db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)),
  ]);
  const byList = new Map(counts.map((c) => [c.newsletterId, Number(c.n)]));
  return { lists: lists.map((l) => ({ ...l, subscribers: byList.get(l.id) ?? 0 })), sections: allSections };
}

/** The latest issues with their delivery counts and how long each took. */
export async function listRecentIssues(db: Db, limit = 20) {
  const issues = await db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      list: newsletters.name,
      recipients: newsletterIssues.recipients,
      createdAt: newsletterIssues.createdAt,
      finishedAt: newsletterIssues.finishedAt,
    })
    .from(newsletterIssues)
    .innerJoin(newsletters, eq(newsletters.id, newsletterIssues.newsletterId))
    .orderBy(desc(newsletterIssues.createdAt), desc(newsletterIssues.id))
    .limit(limit);
  const counts = await deliveryCounts(db, issues.map((i) => i.id));
  return issues.map((i) => ({ ...i, deliveries: counts.get(i.id) ?? {} }));
}

/** Subscriber counts per list and day, the last `days` days. */
export async function listCountHistory(db: Db, days = 30) {
  return db
    .select({ newsletterId: newsletterCounts.newsletterId, day: newsletterCounts.day, subscribers: newsletterCounts.subscribers })
    .from(newsletterCounts)
    .where(sql`${newsletterCounts.day} >= to_char(now() - make_interval(days => ${days}), 'YYYY-MM-DD')`)
    .orderBy(asc(newsletterCounts.day));
}

const pageSize = 50;

export async function searchSubscribers(db: Db, { q, page }: { q: string; page: number }) {
  const where = q ? ilike(subscribers.email, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined;
  const rows = await db
    .select({ id: subscribers.id, email: subscribers.email, status: subscribers.status, createdAt: subscribers.createdAt, confirmedAt: subscribers.confirmedAt })
    .from(subscribers)
    .where(where)
    .orderBy(desc(subscribers.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  const shown = rows.slice(0, pageSize);
  const lists = shown.length
    ? await db
        .select({ subscriberId: subscriptions.subscriberId, name: newsletters.name })
        .from(subscriptions)
        .innerJoin(newsletters, eq(newsletters.id, subscriptions.newsletterId))
        .where(inArray(subscriptions.subscriberId, shown.map((r) => r.id)))
    : [];
  return {
    rows: shown.map((r) => ({ ...r, lists: lists.filter((l) => l.subscriberId === r.id).map((l) => l.name) })),
    hasMore: rows.length > pageSize,
  };
}

/** Every subscriber with their lists and consent, in pages of ids (for the CSV export). */
export async function* exportSubscribers(db: Db): AsyncGenerator<{ email: string; status: string; confirmedAt: Date | null; lists: string }[]> {
  let after = 0;
  for (;;) {
    const rows = await db.execute(sql`
      select s.id, s.email, s.status, s.confirmed_at,
        coalesce(string_agg(n.name, '; ' order by n.position, n.id), '') as lists
      from ${subscribers} s
        left join ${subscriptions} l on l.subscriber_id = s.id
        left join ${newsletters} n on n.id = l.newsletter_id
      where s.id > ${after}
      group by s.id order by s.id limit 1000`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: number; email: string; status: string; confirmed_at: Date | string | null; lists: string }[];
    if (list.length === 0) return;
    after = Number(list[list.length - 1]!.id);
    yield list.map((r) => ({ email: r.email, status: r.status, confirmedAt: r.confirmed_at ? new Date(r.confirmed_at) : null, lists: r.lists }));
  }
}
