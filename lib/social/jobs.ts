import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { socialAccounts } from "@/db/schema";
import { fetchCount, ProviderError, type ProviderConfig } from "./providers";
import { isFetched, judgeCount } from "./rules";

export type RefreshReport = { skipped: boolean; changed: number; failed: number; held: number };

/**
 * Asks every fetched account's network for its count and keeps the last good number when
 * anything goes wrong, recording the error and its time. Only one instance refreshes at a
 * time: the pass holds a PostgreSQL advisory lock for its transaction; another instance that
 * finds it taken skips its turn.
 */
export async function refreshSocialCounts(
  db: Db,
  config: ProviderConfig,
  options: { fetcher?: typeof fetch; now?: () => Date; onlyId?: number } = {},
): Promise<RefreshReport> {
  const now = options.now ?? (() => new Date());
  return db.transaction(async (tx) => {
    const lock = await tx.execute(sql`select pg_try_advisory_xact_lock(7262002) as ok`);
    const rows = (Array.isArray(lock) ? lock : (lock as { rows: unknown[] }).rows) as { ok: boolean }[];
    if (!rows[0]?.ok) return { skipped: true, changed: 0, failed: 0, held: 0 };

    const accounts = await tx
      .select()
      .from(socialAccounts)
      .where(options.onlyId ? eq(socialAccounts.id, options.onlyId) : undefined)
      .orderBy(asc(socialAccounts.position));
    const report: RefreshReport = { skipped: false, changed: 0, failed: 0, held: 0 };
    for (const account of accounts) {
      if (account.manual || !isFetched(account.network)) continue;
      let fetched: unknown;
      try {
        fetched = await fetchCount(account.network, account.handle, config, options.fetcher);
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        report.failed++;
        await tx.update(socialAccounts).set({ lastError: error.message, lastErrorAt: now() }).where(eq(socialAccounts.id, account.id));
        continue;
      }
      const decision = judgeCount(account.count, fetched);
      if (decision.kind === "reject") {
        report.failed++;
        await tx.update(socialAccounts).set({ lastError: decision.error, lastErrorAt: now() }).where(eq(socialAccounts.id, account.id));
      } else if (decision.kind === "hold") {
        report.held++;
        await tx
          .update(socialAccounts)
          .set({ pendingCount: decision.count, lastError: decision.error, lastErrorAt: now() })
          .where(eq(socialAccounts.id, account.id));
      } else {
        if (decision.count !== account.count) report.changed++;
        await tx
          .update(socialAccounts)
          .set({ count: decision.count, fetchedAt: now(), pendingCount: null, lastError: null, lastErrorAt: null, updatedAt: now() })
          .where(eq(socialAccounts.id, account.id));
      }
    }
    return report;
  });
}
