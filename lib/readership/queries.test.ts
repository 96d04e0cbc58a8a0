import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { ReadAggregator } from "./aggregate";
import { flushAggregator } from "./jobs";
import { getBreakdown, getModerationFigures, getRecentReads, listDailyReadsBySection, listDailyReadsOfArticle, listPublishedPerDay } from "./queries";

const day = 86_400_000;

describeEachDatabase("Dashboard figures", (database) => {
  it("puts reads on their day and section, with referrers and devices", async () => {
    const room = await makeNewsroom(database().primary);
    const a = await room.article({ title: "Home story", hoursAgo: 80 });
    const b = await room.article({ title: "Away story", section: "away", hoursAgo: 80 });
    const aggregator = new ReadAggregator();
    const at = Date.now();
    for (let i = 0; i < 3; i++) aggregator.record({ page: `article:${a.id}`, articleId: a.id, referrer: "newsletter", device: "mobile", at });
    aggregator.record({ page: `article:${a.id}`, articleId: a.id, referrer: "direct", device: "desktop", at: at - 2 * day });
    aggregator.record({ page: `article:${b.id}`, articleId: b.id, referrer: "social", device: "desktop", at });
    await flushAggregator(database().primary, aggregator);

    const scope = [a.id, b.id];
    const daily = await listDailyReadsBySection(database().db, { days: 30, timeZone: "UTC", articleIds: scope });
    expect(daily.days).toHaveLength(30);
    expect(daily.days.at(-1)).toBe(new Date().toISOString().slice(0, 10));
    const home = daily.series.find((s) => s.key === room.home.slug)!;
    const away = daily.series.find((s) => s.key === room.away.slug)!;
    expect(home.values.at(-1)).toBe(3);
    expect(home.values.at(-3)).toBe(1);
    expect(away.values.at(-1)).toBe(1);
    expect(home.values.reduce((x, y) => x + y, 0)).toBe(4);

    const own = await listDailyReadsOfArticle(database().db, { articleId: a.id, days: 30, timeZone: "UTC" });
    expect(own.series[0]?.values.reduce((x, y) => x + y, 0)).toBe(4);

    const breakdown = await getBreakdown(database().db, { days: 7, articleIds: scope });
    expect(breakdown.referrers).toMatchObject({ newsletter: 3, direct: 1, social: 1, search: 0 });
    expect(breakdown.devices).toEqual({ mobile: 3, desktop: 2 });
    expect(await getRecentReads(database().db, { articleIds: scope, days: 1 })).toEqual(new Map([[a.id, 3], [b.id, 1]]));
  });

  it("reports comments, the backlog, the median time to a decision and the spam share", async () => {
    const db = database().primary;
    const room = await makeNewsroom(db);
    const a = await room.article({ title: "Commented", hoursAgo: 10 });
    const posted = new Date(Date.now() - 3 * 3_600_000);
    const minutes = (m: number) => new Date(posted.getTime() + m * 60_000);
    const comment = (status: t.CommentStatus, decidedAfter: number | null) => ({
      articleId: a.id,
      authorName: "R",
      authorEmail: "r@example.net",
      body: "text",
      status,
      createdAt: posted,
      moderatedAt: decidedAfter === null ? null : minutes(decidedAfter),
    });
    const before = await getModerationFigures(database().db, { days: 30, timeZone: "UTC" });
    await db.insert(t.comments).values([comment("approved", 10), comment("rejected", 20), comment("spam", 30), comment("pending", null)]);
    const after = await getModerationFigures(database().db, { days: 30, timeZone: "UTC" });
    expect(after.backlog - before.backlog).toBe(1);
    expect(after.decided - before.decided).toBe(3);
    const today = (f: typeof after) => f.commentsPerDay.series[0]?.values.at(-1) ?? 0;
    expect(today(after) - today(before)).toBe(posted.toISOString().slice(0, 10) === new Date().toISOString().slice(0, 10) ? 4 : 0);
    if (before.decided === 0) {
      expect(after.medianDecisionMinutes).toBeCloseTo(20, 5);
      expect(after.spamShare).toBeCloseTo(1 / 4, 5);
    }
    await db.delete(t.comments).where(eq(t.comments.articleId, a.id));
  });

  it("counts articles published per day and section", async () => {
    const room = await makeNewsroom(database().primary);
    await room.article({ title: "Published now", hoursAgo: 0.1 });
    await room.article({ title: "Published now too", hoursAgo: 0.1 });
    await room.article({ title: "A draft", hoursAgo: 0.1, status: "draft" });
    const published = await listPublishedPerDay(database().db, { days: 30, timeZone: "UTC" });
    const mine = published.series.find((s) => s.key === room.home.slug);
    expect(mine?.values.reduce((x, y) => x + y, 0)).toBe(2);
  });
});
