import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchArticles } from "@/lib/search/queries";
import { checkHealth } from "@/lib/health/check";
import { hasPostgresBinaries, PostgresCluster } from "@/test/postgres-cluster";
import { makeNewsroom } from "@/test/newsroom";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { migrationsFolder, openPostgres, type Database } from "./client";
import * as t from "./schema";

// A real streaming replica, made with pg_basebackup from a primary of the test's own, whose
// replay the test pauses to play replication lag.
describe.skipIf(!hasPostgresBinaries())("a streaming replica", () => {
  let primary: PostgresCluster;
  let replica: PostgresCluster;
  let database: Database;
  const expired: string[][] = [];
  let articleId = 0;

  beforeAll(async () => {
    primary = await PostgresCluster.create();
    const setup = await openPostgres(primary.url, [], 2);
    await migrate(setup.primary as never, { migrationsFolder });
    const newsroom = await makeNewsroom(setup.primary);
    articleId = (await newsroom.article({ title: "Lagging replicas and the cache", body: "Replication lag explained.", hoursAgo: 1 })).id;
    await setup.close();
    replica = await PostgresCluster.replicaOf(primary);
    database = await openPostgres(primary.url, [replica.url], 4, { timeoutMs: 2000, maxLagMs: 60_000 });
    database.router!.onCaughtUp = (tags) => void expired.push(tags);
    // The replica has what the primary had when it was made.
    expect(await database.router!.replicas[0]!.db.select({ id: t.articles.id }).from(t.articles)).toHaveLength(1);
  });

  afterAll(async () => {
    await database?.close();
    await replica?.destroy();
    await primary?.destroy();
  });

  const approvedOn = async (db: Database["db"]) =>
    (await db.select({ body: t.comments.body }).from(t.comments).where(eq(t.comments.status, "approved"))).map((c) => c.body);

  it("serves a render that follows a write from the primary until the replica has replayed it, then expires its tags again", async () => {
    await replica.query("select pg_wal_replay_pause()");
    await database.primary
      .insert(t.comments)
      .values({ articleId, authorName: "Reader", authorEmail: "lag@example.net", body: "Approved during the lag", status: "approved" });
    await database.router!.noteWrite([`article:${articleId}`, "home"]);

    // The replica itself does not have it yet: a render from there would cache the old page.
    await new Promise((r) => setTimeout(r, 300));
    expect(await approvedOn(database.router!.replicas[0]!.db)).not.toContain("Approved during the lag");
    // Reads after the write see it.
    expect(await approvedOn(database.db)).toContain("Approved during the lag");
    await database.router!.check();
    expect(expired).toEqual([]);
    expect(database.router!.waitingForReplicas).toBe(true);

    await replica.query("select pg_wal_replay_resume()");
    await expect.poll(async () => (await database.router!.check(), expired), { timeout: 10_000 }).toEqual([[`article:${articleId}`, "home"]]);
    expect(database.router!.waitingForReplicas).toBe(false);
    expect(await approvedOn(database.router!.replicas[0]!.db)).toContain("Approved during the lag");
  });

  it("expires the tags again after the maximum lag, even if the replica never catches up", async () => {
    const short = await openPostgres(primary.url, [replica.url], 2, { timeoutMs: 2000, maxLagMs: 500 });
    const seen: string[][] = [];
    short.router!.onCaughtUp = (tags) => void seen.push(tags);
    await replica.query("select pg_wal_replay_pause()");
    try {
      await short.primary.update(t.articles).set({ title: "Edited during a long lag" }).where(eq(t.articles.id, articleId));
      await short.router!.noteWrite([`article:${articleId}`]);
      await expect.poll(async () => (await short.router!.check(), seen), { timeout: 5000 }).toEqual([[`article:${articleId}`]]);
    } finally {
      await replica.query("select pg_wal_replay_resume()");
      await short.close();
    }
  });

  it("leaves out a replica that does not answer: reads and health go on from the primary", async () => {
    replica.freeze("SIGSTOP");
    try {
      const started = performance.now();
      const { httpStatus, report } = await checkHealth(async () => database);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(httpStatus).toBe(200);
      expect(report.replicas).toEqual([expect.objectContaining({ ok: false })]);
      // Every read now goes to the primary, none waits on the frozen replica.
      const read = performance.now();
      for (let i = 0; i < 5; i++) expect(await approvedOn(database.db)).toContain("Approved during the lag");
      expect(performance.now() - read).toBeLessThan(1000);
    } finally {
      replica.freeze("SIGCONT");
    }
    await expect.poll(async () => (await checkHealth(async () => database)).report.replicas?.[0]?.ok, { timeout: 10_000 }).toBe(true);
  });

  it("runs a search, its numnode statement included, on the replica alone", async () => {
    // With the primary stopped, only a search that never asks it can answer.
    primary.stop();
    try {
      const result = await searchArticles(database.db, { query: "replication lag", page: 1 });
      expect(result.kind).toBe("results");
    } finally {
      await primary.start();
    }
  });
});
