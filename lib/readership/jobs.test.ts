import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { listMustRead } from "@/lib/articles/queries";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { ReadAggregator, type Read } from "./aggregate";
import { flushAggregator, pruneOldReads } from "./jobs";
import { getReadTotals, listMostRead, listTopArticles } from "./queries";

const now = () => Date.now();

function reads(aggregator: ReadAggregator, articleId: number, n: number, extra: Partial<Read> = {}) {
  for (let i = 0; i < n; i++) aggregator.record({ page: `article:${articleId}`, articleId, referrer: "search", device: "mobile", at: now(), ...extra });
}

describeEachDatabase("Readership counts", (database) => {
  it("adds up what two instances flush, in any order and more than once", async () => {
    const room = await makeNewsroom(database().primary);
    const a = await room.article({ title: "Counted twice over", hoursAgo: 3 });
    const first = new ReadAggregator();
    const second = new ReadAggregator();
    reads(first, a.id, 3);
    reads(second, a.id, 4, { referrer: "social", device: "desktop" });
    await Promise.all([flushAggregator(database().primary, first), flushAggregator(database().primary, second)]);
    reads(first, a.id, 2);
    await flushAggregator(database().primary, first);
    const [row] = await database().db.select().from(t.readsHourly).where(eq(t.readsHourly.articleId, a.id));
    expect(row).toMatchObject({ views: 9, fromSearch: 5, fromSocial: 4, mobile: 5, desktop: 4, page: `article:${a.id}` });
    const [top] = await listTopArticles(database().db, { hours: 24, articleIds: [a.id] });
    expect(top?.views).toBe(9);
    expect(top?.hourly.at(-1)).toBe(9);
    const totals = await getReadTotals(database().db, { timeZone: "UTC", articleIds: [a.id] });
    expect(totals.lastHour).toBe(9);
    expect(totals.today).toBe(9);
  });

  it("keeps the rows of a failed flush for the next one", async () => {
    const room = await makeNewsroom(database().primary);
    const a = await room.article({ title: "Kept through a failure", hoursAgo: 3 });
    const aggregator = new ReadAggregator();
    reads(aggregator, a.id, 2);
    // A row for an article that does not exist breaks the foreign key, and so the statement.
    aggregator.record({ page: "article:2147483000", articleId: 2_147_483_000, referrer: "direct", device: "desktop", at: now() });
    await expect(flushAggregator(database().primary, aggregator)).rejects.toThrow();
    expect(aggregator.size).toBe(2);
  });

  it("ranks Most Read by the last 48 hours' reads, after the editors' flags", async () => {
    const db = database().primary;
    await db.update(t.articles).set({ mustRead: false });
    await db.execute(sql`delete from ${t.readsHourly}`);
    const room = await makeNewsroom(db);
    const flagged = await room.article({ title: "Flagged by the editors", hoursAgo: 5, mustRead: true });
    const most = await room.article({ title: "Read most", hoursAgo: 30 });
    const some = await room.article({ title: "Read some", hoursAgo: 2 });
    const old = await room.article({ title: "Read long ago", hoursAgo: 100 });
    const draft = await room.article({ title: "A draft read by staff", hoursAgo: 1, status: "draft" });
    const aggregator = new ReadAggregator();
    reads(aggregator, most.id, 9);
    reads(aggregator, some.id, 4);
    reads(aggregator, flagged.id, 50);
    reads(aggregator, draft.id, 80);
    reads(aggregator, old.id, 100, { at: now() - 60 * 3_600_000 });
    await flushAggregator(db, aggregator);

    const mostRead = await listMostRead(database().db, { limit: 3 });
    expect(mostRead.map((c) => c.title)).toEqual(["Flagged by the editors", "Read most", "Read some"]);
    const mustRead = await listMustRead(database().db, { limit: 3 });
    expect(mustRead.map((c) => c.title)).toEqual(["Flagged by the editors", "Read most", "Read some"]);
    const two = await listMustRead(database().db, { limit: 2 });
    expect(two.map((c) => c.title)).toEqual(["Flagged by the editors", "Read most"]);
  });

  it("prunes the hourly counts older than the retention, and only those", async () => {
    const db = database().primary;
    const room = await makeNewsroom(db);
    const a = await room.article({ title: "Read over a long time", hoursAgo: 24 * 50 });
    const day = 86_400_000;
    const aggregator = new ReadAggregator();
    reads(aggregator, a.id, 1, { at: now() - 45 * day });
    reads(aggregator, a.id, 2, { at: now() - 30 * day });
    reads(aggregator, a.id, 3);
    await flushAggregator(db, aggregator);
    expect(await pruneOldReads(db, 40)).toBeGreaterThanOrEqual(1);
    const rows = await db.select().from(t.readsHourly).where(eq(t.readsHourly.articleId, a.id));
    expect(rows.map((r) => r.views).sort()).toEqual([2, 3]);
    expect(await pruneOldReads(db, 40)).toBe(0);
  });
});
