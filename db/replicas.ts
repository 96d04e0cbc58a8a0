import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { withDeadline } from "./deadline";

// Reader queries go to streaming replicas, which replay the primary's writes some time later.
// A page rendered within that lag would be cached with the old data and no expiry, so:
// - after a write, this instance reads from the primary until every replica has replayed past
//   the write's WAL position (its "LSN");
// - the write's cache tags are expired once more when that happens (or when the maximum lag
//   has passed, whichever is first), which drops whatever another instance rendered from a
//   replica meanwhile: the cache handler treats an entry whose render began before an
//   invalidation as a miss;
// - a replica that does not answer its check is left out until it does; with none left,
//   reads go to the primary.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = PgDatabase<PgQueryResultHKT, any>;

export type ReplicaHealth = { name: string; ok: boolean; lagBytes: number | null; error?: string };

type PendingWrite = { lsn: bigint; tags: string[]; at: number };

/** "16/B374D848" → a number that orders as the WAL does. */
export function parseLsn(text: string): bigint {
  const [high, low] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export class ReplicaRouter<D extends AnyDb = AnyDb> {
  private state: { healthy: boolean; replayed: bigint; error?: string }[];
  private pending: PendingWrite[] = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<ReplicaHealth[]> | undefined;
  private running = false;

  constructor(
    readonly primary: D,
    readonly replicas: { name: string; db: D }[],
    private readonly options: {
      maxLagMs: number;
      checkTimeoutMs: number;
      /** expires cache tags once the replicas have the write; set by the server */
      onCaughtUp?: (tags: string[]) => Promise<void> | void;
    },
  ) {
    // Until the first check has answered, replicas are presumed healthy and caught up.
    this.state = replicas.map(() => ({ healthy: true, replayed: 0n }));
  }

  set onCaughtUp(fn: ((tags: string[]) => Promise<void> | void) | undefined) {
    this.options.onCaughtUp = fn;
  }

  /** The handle a read should use (drizzle's withReplicas `getReplica`). */
  pick = (): D => {
    if (this.pending.length > 0) return this.primary;
    const healthy = this.replicas.filter((_, i) => this.state[i]!.healthy);
    if (healthy.length === 0) return this.primary;
    return healthy[Math.floor(Math.random() * healthy.length)]!.db;
  };

  /** Whether reads go to the primary right now because a write has not reached every replica. */
  get waitingForReplicas(): boolean {
    return this.pending.length > 0;
  }

  /** Called after a write committed on the primary, with the cache tags it changed. */
  async noteWrite(tags: string[]): Promise<void> {
    const [row] = rows<{ lsn: string }>(await this.primary.execute(sql`select pg_current_wal_lsn()::text as lsn`));
    this.pending.push({ lsn: parseLsn(row!.lsn), tags, at: Date.now() });
    if (!this.running) this.running = true;
    this.schedule();
  }

  /** Asks every replica how far it has replayed; settles the writes they all have. */
  check(): Promise<ReplicaHealth[]> {
    this.checking ??= this.runCheck().finally(() => {
      this.checking = undefined;
    });
    return this.checking;
  }

  private async runCheck(): Promise<ReplicaHealth[]> {
    const primaryLsn = await withDeadline(
      async () => rows<{ lsn: string }>(await this.primary.execute(sql`select pg_current_wal_lsn()::text as lsn`))[0]!.lsn,
      this.options.checkTimeoutMs,
    ).then(parseLsn, () => null);
    const report = await Promise.all(
      this.replicas.map(async ({ name, db }, i): Promise<ReplicaHealth> => {
        const state = this.state[i]!;
        try {
          const lsn = await withDeadline(
            async () =>
              rows<{ lsn: string | null }>(await db.execute(sql`select pg_last_wal_replay_lsn()::text as lsn`))[0]!.lsn,
            this.options.checkTimeoutMs,
          );
          // null: not a standby at all (a primary named as a replica), so it has every write.
          state.replayed = lsn === null ? (primaryLsn ?? state.replayed) : parseLsn(lsn);
          state.healthy = true;
          state.error = undefined;
        } catch (error) {
          state.healthy = false;
          state.error = error instanceof Error ? error.message : String(error);
        }
        const lagBytes = state.healthy && primaryLsn !== null ? Number(primaryLsn > state.replayed ? primaryLsn - state.replayed : 0n) : null;
        return { name, ok: state.healthy, lagBytes, ...(state.error ? { error: state.error } : {}) };
      }),
    );
    await this.settle();
    return report;
  }

  private async settle() {
    const healthy = this.state.filter((s) => s.healthy);
    // A replica that is down will be checked again before it serves; it does not hold writes up.
    const replayed = healthy.length === 0 ? null : healthy.reduce((min, s) => (s.replayed < min ? s.replayed : min), healthy[0]!.replayed);
    const now = Date.now();
    const done = this.pending.filter((w) => (replayed !== null && replayed >= w.lsn) || now - w.at >= this.options.maxLagMs);
    if (done.length === 0) return;
    this.pending = this.pending.filter((w) => !done.includes(w));
    const tags = [...new Set(done.flatMap((w) => w.tags))];
    if (tags.length > 0) {
      try {
        await this.options.onCaughtUp?.(tags);
      } catch (error) {
        console.error("Could not expire pages again after the replicas caught up:", error);
      }
    }
  }

  /** Checks every 200 ms while writes wait, and every two seconds otherwise. */
  start() {
    this.running = true;
    this.schedule();
  }

  private schedule() {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(
      () => {
        void this.check()
          .catch(() => {})
          .finally(() => this.schedule());
      },
      this.pending.length > 0 ? 200 : 2000,
    );
    this.timer.unref();
  }

  stop() {
    this.running = false;
    clearTimeout(this.timer);
  }
}
