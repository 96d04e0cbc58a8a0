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
    const fresh = await openPostgres(cluster.url, [], 1, { timeoutMs: 1000 });
    cluster.freeze("SIGSTOP");
    try {
      const started = performance.now();
      const error = await fresh.primary.execute(sql`select 1`).then(() => null, (e: unknown) => e);
      expect(performance.now() - started).toBeLessThan(3000);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      cluster.freeze("SIGCONT");
      await fresh.close();
    }
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
