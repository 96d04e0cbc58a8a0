import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { withDeadline } from "@/db/deadline";
import type { ReplicaHealth } from "@/db/replicas";

/** What /api/health answers: 200 when this instance can serve, else 503 and why. */
export type HealthReport = {
  status: "ok" | "error" | "draining";
  database: { kind?: Database["kind"]; latencyMs?: number; error?: string };
  replicas?: ReplicaHealth[];
};

/** Set by scripts/server.mjs on SIGTERM: from then on the instance asks balancers to drain it. */
export function shuttingDown(): boolean {
  return Boolean((globalThis as { [key: symbol]: unknown })[Symbol.for("gazette.shutdown")]);
}

/**
 * The database round trip (and each replica's replay position) within `timeoutMs`, so that a
 * balancer's check is answered in time even when a server has stopped answering: a health
 * check that hangs reads as a dead instance, not as a database outage.
 */
export async function checkHealth(open: () => Promise<Database>, timeoutMs = 800): Promise<{ httpStatus: number; report: HealthReport }> {
  if (shuttingDown()) return { httpStatus: 503, report: { status: "draining", database: {} } };
  const started = performance.now();
  let database: Database;
  try {
    database = await withDeadline(() => open(), timeoutMs);
  } catch {
    return { httpStatus: 503, report: { status: "error", database: { error: "unreachable" } } };
  }
  const [primary, replicas] = await Promise.all([
    withDeadline(() => database.primary.execute(sql`select 1`), timeoutMs).then(
      () => ({ kind: database.kind, latencyMs: Math.round(performance.now() - started) }),
      () => ({ kind: database.kind, error: "unreachable" }),
    ),
    database.router
      ? withDeadline(() => database.router!.check(), timeoutMs).catch(() =>
          database.router!.replicas.map(({ name }) => ({ name, ok: false, lagBytes: null, error: "no answer in time" })),
        )
      : undefined,
  ]);
  // A replica down is not an instance down: reads fall back to the primary meanwhile.
  const ok = !("error" in primary);
  return {
    httpStatus: ok ? 200 : 503,
    report: { status: ok ? "ok" : "error", database: primary, ...(replicas ? { replicas } : {}) },
  };
}
