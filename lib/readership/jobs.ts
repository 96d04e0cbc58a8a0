import "server-only";
import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { readsHourly } from "@/db/schema";
import type { AggregatedRow, ReadAggregator } from "./aggregate";
import { listMostRead } from "./queries";

const counted = ["views", "fromSearch", "fromSocial", "fromNewsletter", "fromAggregator", "fromInternal", "fromDirect", "fromOther", "mobile", "desktop"] as const;

// Column names as PostgreSQL knows them, for `excluded.<column>`.
const columnName = Object.fromEntries(counted.map((c) => [c, readsHourly[c].name])) as Record<(typeof counted)[number], string>;

/**
 * Adds rows to the hourly counts: one statement per 500 rows, whatever the number of reads
 * behind them. Additive upserts commute, so any number of instances may flush the same page
 * and hour in any order.
 */
export async function addReads(db: Db, rows: AggregatedRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    await db
      .insert(readsHourly)
      .values(chunk)
      .onConflictDoUpdate({
        target: [readsHourly.page, readsHourly.hour],
        set: Object.fromEntries(counted.map((c) => [c, sql`${readsHourly[c]} + excluded.${sql.identifier(columnName[c])}`])),
      });
  }
}

/**
 * Writes what an aggregator holds. On failure the rows go back into it, to be added to the
 * next flush; so a database outage loses nothing, and a process that dies loses at most what
 * it counted since its last flush.
 */
export async function flushAggregator(db: Db, aggregator: ReadAggregator): Promise<number> {
  const rows = aggregator.take();
  if (rows.length === 0) return 0;
  try {
    await addReads(db, rows);
    return rows.length;
  } catch (error) {
    aggregator.restore(rows);
    throw error;
  }
}

/**
 * Deletes hourly counts older than `days` (READERSHIP_RETAIN_DAYS), which nothing shows: the
 * dashboard and the article charts look 30 days back. Without it the table grows by every
 * page read in every hour, for ever. Run by the background pass every ten minutes, so each
 * pass deletes about one hour's rows.
 */
export async function pruneOldReads(db: Db, days: number): Promise<number> {
  const deleted = await db
    .delete(readsHourly)
    .where(lt(readsHourly.hour, sql`now() - make_interval(days => ${days})`))
    .returning({ page: readsHourly.page });
  return deleted.length;
}

let lastMostRead = "";

/**
 * The background pass's check on Most Read: true when the most read articles (the ids, in
 * order) differ from what this process saw last, so that the pages showing them are
 * revalidated only when the list moved, not on every pass.
 */
export async function mostReadChanged(db: Db, limit = 10): Promise<boolean> {
  const ids = (await listMostRead(db, { limit })).map((c) => c.id).join(",");
  if (ids === lastMostRead) return false;
  lastMostRead = ids;
  return true;
}
