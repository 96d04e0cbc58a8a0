import type { HourlyReads } from "@/db/schema";
import type { DeviceClass, ReferrerClass } from "./classify";

/** What one counted read adds. */
export type Read = { page: string; articleId: number | null; referrer: ReferrerClass; device: DeviceClass; at: number };

const hourMs = 3_600_000;

const referrerColumn = {
  search: "fromSearch",
  social: "fromSocial",
  newsletter: "fromNewsletter",
  aggregator: "fromAggregator",
  internal: "fromInternal",
  direct: "fromDirect",
  other: "fromOther",
} as const satisfies Record<ReferrerClass, keyof HourlyReads>;

type Row = Required<Omit<HourlyReads, "hour">> & { hour: Date };

function emptyRow(page: string, articleId: number | null, hour: Date): Row {
  return {
    page,
    articleId,
    hour,
    views: 0,
    fromSearch: 0,
    fromSocial: 0,
    fromNewsletter: 0,
    fromAggregator: 0,
    fromInternal: 0,
    fromDirect: 0,
    fromOther: 0,
    mobile: 0,
    desktop: 0,
  };
}

/**
 * One instance's reads since its last flush, one row per page and hour. Memory is bounded by
 * the pages that exist (the beacon route admits only known ones) times the hours a flush
 * spans, so a flood of reads grows numbers, never the map.
 */
export class ReadAggregator {
  private rows = new Map<string, Row>();

  constructor(private readonly maxRows = 100_000) {}

  get size() {
    return this.rows.size;
  }

  /** Adds a read; false when the map is full (a database down for very long), and it is dropped. */
  record(read: Read): boolean {
    const hour = Math.floor(read.at / hourMs) * hourMs;
    const key = `${read.page}|${hour}`;
    let row = this.rows.get(key);
    if (!row) {
      if (this.rows.size >= this.maxRows) return false;
      row = emptyRow(read.page, read.articleId, new Date(hour));
      this.rows.set(key, row);
    }
    row.views++;
    row[referrerColumn[read.referrer]]++;
    row[read.device]++;
    return true;
  }

  /** Hands over everything counted so far and starts afresh. */
  take(): Row[] {
    const taken = [...this.rows.values()];
    this.rows = new Map();
    return taken;
  }

  /** Puts back rows whose flush failed, added to whatever was counted meanwhile. */
  restore(rows: Row[]) {
    for (const row of rows) {
      const key = `${row.page}|${row.hour.getTime()}`;
      const current = this.rows.get(key);
      if (!current) {
        if (this.rows.size < this.maxRows) this.rows.set(key, { ...row });
        continue;
      }
      for (const column of Object.keys(row) as (keyof Row)[]) {
        if (column === "page" || column === "hour" || column === "articleId") continue;
        current[column] += row[column];
      }
    }
  }
}

export type AggregatedRow = Row;
