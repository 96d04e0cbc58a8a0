import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health/check";
import { hasPostgresBinaries, PostgresCluster } from "@/test/postgres-cluster";
import { openPostgres, type Database } from "./client";
import { isDatabaseUnavailable, withDeadline } from "./deadline";

// A PostgreSQL server of the test's own that stops answering: frozen (SIGSTOP), as a server
// behind a dead network link or a stalled disk looks to its clients, and then stopped.
describe.skipIf(!hasPostgresBinaries())("when PostgreSQL is away", () => {
  let cluster: PostgresCluster;
  let database: Database;

  beforeAll(async () => {
    cluster = await PostgresCluster.create();
    database = await openPostgres(cluster.url, [], 4, { timeoutMs: 1000 });
    await database.primary.execute(sql`select 1`);
  });

  afterAll(async () => {
    await cluster?.destroy();
    await database?.close();
  });

  it("a new connection gives up within the connect timeout instead of waiting on a frozen server", async () => {
    const fresh = await openPostgres(cluster.url, [], 2, { timeoutMs: 1000 });
    cluster.freeze("SIGSTOP");
    try {
      const started = performance.now();
      // More statements than connections: some wait on a connection still connecting.
      const errors = await Promise.all(Array.from({ length: 5 }, () => fresh.primary.execute(sql`select 1`).then(() => null, (e: unknown) => e)));
      expect(performance.now() - started).toBeLessThan(3000);
      for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      cluster.freeze("SIGCONT");
    }
    try {
      // No connection was left waiting for good: the pool serves again once the server resumes.
      await expect
        .poll(async () => (await Promise.all(Array.from({ length: 4 }, () => fresh.primary.execute(sql`select 1`).then(() => true, () => false)))).every(Boolean), { timeout: 10_000 })
        .toBe(true);
    } finally {
      await fresh.close();
    }
  });

  it("statements on open connections, and those queued behind them in a full pool, give up within the timeout on a frozen server, with no deadline around them; all serve again after SIGCONT", async () => {
    // Every connection of the pool open first, so that nothing below waits on a connect.
    await Promise.all(Array.from({ length: 8 }, () => database.primary.execute(sql`select pg_sleep(0.05)`)));
    cluster.freeze("SIGSTOP");
    let outcomes: { ms: number; error: unknown }[];
    try {
      const started = performance.now();
      // Twelve statements for a pool of four: eight of them wait for a connection.
      outcomes = await Promise.all(
        Array.from({ length: 12 }, () =>
          database.primary.execute(sql`select 1`).then(
            () => ({ ms: performance.now() - started, error: null }),
            (error: unknown) => ({ ms: performance.now() - started, error }),
          ),
        ),
      );
    } finally {
      cluster.freeze("SIGCONT");
    }
    for (const { ms, error } of outcomes) {
      expect(isDatabaseUnavailable(error)).toBe(true);
      // The timeout is 1,000 ms; the OS would hold a socket to a frozen peer for minutes.
      expect(ms).toBeLessThan(2500);
    }
    const rows = await Promise.all(Array.from({ length: 8 }, (_, i) => database.primary.execute(sql`select ${i}::int as n`)));
    expect(rows.map((r) => Number((r as unknown as { n: number }[])[0]!.n))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("a statement on an open connection is bounded by the deadline, and /api/health answers 503 within a second", async () => {
    cluster.freeze("SIGSTOP");
    try {
      const started = performance.now();
      const error = await withDeadline(() => database.primary.execute(sql`select 1`), 1500).then(() => null, (e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(2500);

      const checked = performance.now();
      const { httpStatus, report } = await checkHealth(async () => database);
      expect(performance.now() - checked).toBeLessThan(1000);
      expect(httpStatus).toBe(503);
      expect(report.status).toBe("error");
    } finally {
      cluster.freeze("SIGCONT");
    }
    const { httpStatus } = await checkHealth(async () => database);
    expect(httpStatus).toBe(200);
  });

  it("a long statement is ended by statement_timeout", async () => {
    const started = performance.now();
    const error = await database.primary.execute(sql`select pg_sleep(5)`).then(() => null, (e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2500);
    // drizzle wraps the driver's error: PostgreSQL's own code is on its cause.
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("57014");
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("a stopped server answers health with 503 at once", async () => {
    cluster.stop();
    const started = performance.now();
    const { httpStatus } = await checkHealth(async () => database);
    expect(httpStatus).toBe(503);
    expect(performance.now() - started).toBeLessThan(1000);
    await cluster.start();
  });
});
