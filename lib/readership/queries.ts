import "server-only";
import { and, desc, eq, gte, inArray, isNotNull, notInArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { articles, comments, readsHourly, sections } from "@/db/schema";
import { isPublic, selectCards, toCard } from "@/lib/articles/cards";
import type { KnownPages } from "./ingest";

// Reads over the hourly rows. Each takes the database, so the integration tests run them on
// PGlite and PostgreSQL alike; pages call the wrappers in ./cached.ts.

/** The pages a beacon may count: published articles and sections. */
export async function loadKnownPages(db: Db): Promise<KnownPages> {
  const [ids, slugs] = await Promise.all([
    db.select({ id: articles.id }).from(articles).where(isPublic()),
    db.select({ slug: sections.slug }).from(sections),
  ]);
  return { articleIds: new Set(ids.map((r) => r.id)), sectionSlugs: new Set(slugs.map((r) => r.slug)) };
}

/** Published articles by reads over the last `hours`, most read first (newest among equals). */
export async function listMostRead(db: Db, { limit = 5, hours = 48, exclude = [] }: { limit?: number; hours?: number; exclude?: number[] } = {}) {
  const read = db
    .select({ articleId: readsHourly.articleId, views: sql<number>`sum(${readsHourly.views})::int`.as("views") })
    .from(readsHourly)
    .where(and(isNotNull(readsHourly.articleId), gte(readsHourly.hour, sql`now() - make_interval(hours => ${hours})`)))
    .groupBy(readsHourly.articleId)
    .as("read");
  const rows = await selectCards(db)
    .innerJoin(read, eq(read.articleId, articles.id))
    .where(exclude.length > 0 ? and(isPublic(), notInArray(articles.id, exclude)) : isPublic())
    .orderBy(desc(read.views), desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((row) => toCard(row));
}

export type ReadTotals = { lastHour: number; sameHourYesterday: number; today: number; sameTimeYesterday: number };

/**
 * Reads now and today against the same span yesterday. "Today" starts at midnight in the
 * site's time zone; the last hour and the spans yesterday are whole hourly rows, so they are
 * the current hour so far against the same clock hour yesterday.
 */
export async function getReadTotals(db: Db, { timeZone, articleIds }: { timeZone: string; articleIds?: number[] }): Promise<ReadTotals> {
  const scope = articleIds ? (articleIds.length > 0 ? inArray(readsHourly.articleId, articleIds) : sql`false`) : sql`true`;
  const rows = rowsOf<ReadTotals>(
    await db.execute(sql`
      with bounds as (
        select date_trunc('hour', now()) as this_hour,
               (date_trunc('day', now() at time zone ${timeZone}) at time zone ${timeZone}) as midnight
      )
      select
        coalesce(sum(views) filter (where hour >= b.this_hour), 0)::int as "lastHour",
        coalesce(sum(views) filter (where hour = b.this_hour - interval '1 day'), 0)::int as "sameHourYesterday",
        coalesce(sum(views) filter (where hour >= b.midnight), 0)::int as "today",
        coalesce(sum(views) filter (where hour >= b.midnight - interval '1 day' and hour <= b.this_hour - interval '1 day'), 0)::int as "sameTimeYesterday"
      from ${readsHourly}, bounds b
      where hour >= b.midnight - interval '1 day' and ${scope}`),
  );
  return rows[0] ?? { lastHour: 0, sameHourYesterday: 0, today: 0, sameTimeYesterday: 0 };
}

export type TopArticle = { id: number; title: string; slug: string; sectionSlug: string; views: number; hourly: number[] };

/**
 * The most read articles over the last `hours` (the current hour counting as one), each with
 * its reads per hour over the last `sparkHours` for a sparkline, oldest first.
 */
export async function listTopArticles(
  db: Db,
  { hours, sparkHours = 24, limit = 10, articleIds }: { hours: number; sparkHours?: number; limit?: number; articleIds?: number[] },
): Promise<TopArticle[]> {
  if (articleIds && articleIds.length === 0) return [];
  const scope = articleIds ? inArray(readsHourly.articleId, articleIds) : isNotNull(readsHourly.articleId);
  const since = sql`date_trunc('hour', now()) - make_interval(hours => ${hours - 1})`;
  const sparkSince = sql`date_trunc('hour', now()) - make_interval(hours => ${sparkHours - 1})`;
  const top = await db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      sectionSlug: sections.slug,
      views: sql<number>`sum(${readsHourly.views})::int`,
    })
    .from(readsHourly)
    .innerJoin(articles, eq(articles.id, readsHourly.articleId))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(scope, gte(readsHourly.hour, since)))
    .groupBy(articles.id, sections.slug)
    .orderBy(desc(sql`sum(${readsHourly.views})`), desc(articles.id))
    .limit(limit);
  if (top.length === 0) return [];
  const series = rowsOf<{ id: number; i: number; views: number }>(
    await db.execute(sql`
      select article_id as id, (extract(epoch from hour - (${sparkSince})) / 3600)::int as i, views
      from ${readsHourly}
      where article_id in (${sql.join(top.map((t) => sql`${t.id}`), sql`, `)}) and hour >= ${sparkSince}`),
  );
  return top.map((t) => {
    const hourly = Array.from({ length: sparkHours }, () => 0);
    for (const s of series) if (s.id === t.id && s.i >= 0 && s.i < sparkHours) hourly[s.i] = s.views;
    return { ...t, hourly };
  });
}

export type DailySeries = { days: string[]; series: { key: string; label: string; values: number[] }[] };

/** The `days` calendar days ending today in the site's time zone, as YYYY-MM-DD. */
function daysSql(days: number, timeZone: string) {
  return sql`(select to_char(d, 'YYYY-MM-DD') as day from generate_series(
      date_trunc('day', now() at time zone ${timeZone}) - make_interval(days => ${days - 1}),
      date_trunc('day', now() at time zone ${timeZone}), interval '1 day') d)`;
}

function toDaily(days: number, dayRows: { day: string }[], rows: { key: string; label: string; day: string; n: number }[]): DailySeries {
  const dayList = dayRows.map((d) => d.day).slice(-days);
  const index = new Map(dayList.map((d, i) => [d, i]));
  const byKey = new Map<string, { key: string; label: string; values: number[] }>();
  for (const row of rows) {
    const i = index.get(row.day);
    if (i === undefined) continue;
    let s = byKey.get(row.key);
    if (!s) byKey.set(row.key, (s = { key: row.key, label: row.label, values: dayList.map(() => 0) }));
    s.values[i] = (s.values[i] ?? 0) + row.n;
  }
  return { days: dayList, series: [...byKey.values()].sort((a, b) => a.label.localeCompare(b.label)) };
}

/** Reads of articles per day and section over the last `days` days (site time zone). */
export async function listDailyReadsBySection(db: Db, { days = 30, timeZone, articleIds }: { days?: number; timeZone: string; articleIds?: number[] }): Promise<DailySeries> {
  const scope = articleIds ? (articleIds.length > 0 ? inArray(readsHourly.articleId, articleIds) : sql`false`) : sql`true`;
  const [dayRows, rows] = await Promise.all([
    db.execute(sql`select day from ${daysSql(days, timeZone)} x order by day`),
    db.execute(sql`
      select s.slug as key, s.name as label, to_char(reads_hourly.hour at time zone ${timeZone}, 'YYYY-MM-DD') as day, sum(reads_hourly.views)::int as n
      from ${readsHourly} join ${articles} a on a.id = reads_hourly.article_id join ${sections} s on s.id = a.section_id
      where reads_hourly.hour >= now() - make_interval(days => ${days + 1}) and ${scope}
      group by 1, 2, 3`),
  ]);
  return toDaily(days, rowsOf(dayRows), rowsOf(rows));
}

/** Reads of one article per day over the last `days` days. */
export async function listDailyReadsOfArticle(db: Db, { articleId, days = 30, timeZone }: { articleId: number; days?: number; timeZone: string }) {
  const [dayRows, rows] = await Promise.all([
    db.execute(sql`select day from ${daysSql(days, timeZone)} x order by day`),
    db.execute(sql`
      select 'reads' as key, 'Reads' as label, to_char(hour at time zone ${timeZone}, 'YYYY-MM-DD') as day, sum(views)::int as n
      from ${readsHourly} where article_id = ${articleId} and hour >= now() - make_interval(days => ${days + 1})
      group by 3`),
  ]);
  return toDaily(days, rowsOf(dayRows), rowsOf(rows));
}

export type Breakdown = { referrers: Record<string, number>; devices: { mobile: number; desktop: number } };

/** Referrer and device classes of all reads over the last `days` days. */
export async function getBreakdown(db: Db, { days = 7, articleIds }: { days?: number; articleIds?: number[] }): Promise<Breakdown> {
  const scope = articleIds ? (articleIds.length > 0 ? inArray(readsHourly.articleId, articleIds) : sql`false`) : sql`true`;
  const [row] = await db
    .select({
      search: sql<number>`coalesce(sum(${readsHourly.fromSearch}), 0)::int`,
      social: sql<number>`coalesce(sum(${readsHourly.fromSocial}), 0)::int`,
      newsletter: sql<number>`coalesce(sum(${readsHourly.fromNewsletter}), 0)::int`,
      aggregator: sql<number>`coalesce(sum(${readsHourly.fromAggregator}), 0)::int`,
      internal: sql<number>`coalesce(sum(${readsHourly.fromInternal}), 0)::int`,
      direct: sql<number>`coalesce(sum(${readsHourly.fromDirect}), 0)::int`,
      other: sql<number>`coalesce(sum(${readsHourly.fromOther}), 0)::int`,
      mobile: sql<number>`coalesce(sum(${readsHourly.mobile}), 0)::int`,
      desktop: sql<number>`coalesce(sum(${readsHourly.desktop}), 0)::int`,
    })
    .from(readsHourly)
    .where(and(gte(readsHourly.hour, sql`now() - make_interval(days => ${days})`), scope));
  const { mobile = 0, desktop = 0, ...referrers } = row ?? {};
  return { referrers, devices: { mobile, desktop } };
}

/** Reads of each article over the last `days` days, for the editor's list. */
export async function getRecentReads(db: Db, { articleIds, days = 7 }: { articleIds: number[]; days?: number }): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = await db
    .select({ id: readsHourly.articleId, views: sql<number>`sum(${readsHourly.views})::int` })
    .from(readsHourly)
    .where(and(inArray(readsHourly.articleId, articleIds), gte(readsHourly.hour, sql`now() - make_interval(days => ${days})`)))
    .groupBy(readsHourly.articleId);
  return new Map(rows.map((r) => [r.id!, r.views]));
}

/** A writer's own articles (those they created or whose byline is theirs). */
export async function listOwnArticleIds(db: Db, { userId }: { userId: number }): Promise<number[]> {
  const rows = await db.select({ id: articles.id }).from(articles).where(eq(articles.createdBy, userId));
  return rows.map((r) => r.id);
}

export type ModerationFigures = {
  commentsPerDay: DailySeries;
  backlog: number;
  oldestPendingAt: string | null;
  medianDecisionMinutes: number | null;
  spamShare: number | null;
  decided: number;
};

/** Comments and moderation over the last `days` days. */
export async function getModerationFigures(db: Db, { days = 30, timeZone }: { days?: number; timeZone: string }): Promise<ModerationFigures> {
  const [dayRows, perDay, [pending], [decisions]] = await Promise.all([
    db.execute(sql`select day from ${daysSql(days, timeZone)} x order by day`),
    db.execute(sql`
      select 'comments' as key, 'Comments' as label, to_char(created_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as n
      from ${comments} where created_at >= now() - make_interval(days => ${days + 1}) group by 3`),
    db
      .select({ n: sql<number>`count(*)::int`, oldest: sql<Date | string | null>`min(${comments.createdAt})` })
      .from(comments)
      .where(eq(comments.status, "pending")),
    db
      .select({
        median: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from ${comments.moderatedAt} - ${comments.createdAt})) filter (where ${comments.moderatedAt} is not null)`,
        decided: sql<number>`count(*) filter (where ${comments.moderatedAt} is not null)::int`,
        spam: sql<number>`count(*) filter (where ${comments.status} = 'spam')::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(comments)
      .where(gte(comments.createdAt, sql`now() - make_interval(days => ${days})`)),
  ]);
  const median = decisions?.median == null ? null : Number(decisions.median) / 60;
  const oldest = pending?.oldest ? new Date(pending.oldest).toISOString() : null;
  return {
    commentsPerDay: toDaily(days, rowsOf(dayRows), rowsOf(perDay)),
    backlog: pending?.n ?? 0,
    oldestPendingAt: oldest,
    medianDecisionMinutes: median,
    spamShare: decisions && decisions.total > 0 ? decisions.spam / decisions.total : null,
    decided: decisions?.decided ?? 0,
  };
}

/** Articles published per day and section over the last `days` days. */
export async function listPublishedPerDay(db: Db, { days = 30, timeZone }: { days?: number; timeZone: string }): Promise<DailySeries> {
  const [dayRows, rows] = await Promise.all([
    db.execute(sql`select day from ${daysSql(days, timeZone)} x order by day`),
    db.execute(sql`
      select s.slug as key, s.name as label, to_char(a.published_at at time zone ${timeZone}, 'YYYY-MM-DD') as day, count(*)::int as n
      from ${articles} a join ${sections} s on s.id = a.section_id
      where a.status = 'published' and a.published_at <= now() and a.published_at >= now() - make_interval(days => ${days + 1})
      group by 1, 2, 3`),
  ]);
  return toDaily(days, rowsOf(dayRows), rowsOf(rows));
}

