import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrationsFolder, openEmbedded, openPostgres, rowsOf, type Database } from "@/db/client";
import * as t from "@/db/schema";
import { createThrowawayDatabase } from "@/test/databases";
import { startSmtpSink } from "@/test/smtp-sink";
import { createIssue } from "./queue";

// A worker process is killed (SIGKILL) mid-send, then a new one is started on the same
// database: every subscriber gets the issue exactly once.

const recipients = 150;
const killAfter = 50;

function startWorker(env: Record<string, string>, onLine: (line: string) => void): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "test/newsletter-worker.ts"], {
    env: { ...process.env, ...env, GAZETTE_SCHEDULER: "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let buffer = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    lines.forEach(onLine);
  });
  return { child, exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
}

async function fill(db: Database["primary"], stamp: string) {
  const [list] = await db.insert(t.newsletters).values({ name: "Morning", kind: "digest" }).returning();
  const people = await db
    .insert(t.subscribers)
    .values(Array.from({ length: recipients }, (_, i) => ({ email: `r${i}-${stamp}@example.com`, status: "confirmed" as const, confirmedAt: new Date() })))
    .returning({ id: t.subscribers.id });
  await db.insert(t.subscriptions).values(people.map((p) => ({ subscriberId: p.id, newsletterId: list!.id })));
  const issue = await createIssue(db, { newsletterId: list!.id, dedupeKey: `kill-${stamp}`, subject: "Today", html: "<p>News</p>", text: "News", articleIds: [] });
  expect(issue?.recipients).toBe(recipients);
}

const targets: ("embedded" | "postgres")[] = process.env.KILL_ONLY ? [process.env.KILL_ONLY as "postgres"] : process.env.TEST_DATABASE_URL ? ["embedded", "postgres"] : ["embedded"];

describe.each(targets)("a worker killed mid-send [%s]", (target) => {
  it("resumes after restart without a duplicate or a gap", async () => {
    const stamp = Math.random().toString(36).slice(2, 8);
    let env: Record<string, string>;
    let reopen: () => Promise<Database>;
    let cleanup: () => Promise<void>;
    if (target === "embedded") {
      const dir = mkdtempSync(path.join(tmpdir(), "gazette-kill-"));
      const db = await openEmbedded(dir);
      await fill(db.primary, stamp);
      await db.close();
      env = { DATA_DIR: dir };
      reopen = () => openEmbedded(dir);
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const created = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
      const db = await openPostgres(created.url, [], 2);
      await migrate(db.primary as never, { migrationsFolder });
      await fill(db.primary, stamp);
      await db.close();
      env = { DATABASE_URL: created.url };
      reopen = () => openPostgres(created.url, [], 2);
      cleanup = created.drop;
    }

    let recorded = 0;
    let killing: Promise<void> | null = null;
    let killed = false;
    let first: ReturnType<typeof startWorker> | null = null;
    const caughtUp: (() => void)[] = [];
    const onLine = (line: string) => {
      if (line.startsWith("recorded ")) recorded++;
      caughtUp.splice(0).forEach((f) => f());
    };
    const sink = await startSmtpSink({
      parse: false,
      beforeAccept: async () => {
        if (killing) {
          await killing;
          throw new Error("421 worker gone");
        }
        if (killed || sink.received.length < killAfter) return;
        // Hold this message unacknowledged, wait until every message already accepted is
        // recorded by the worker, then kill it while this one (and any others) are in flight.
        killing = (async () => {
          while (recorded < sink.received.length) await new Promise<void>((resolve) => caughtUp.push(resolve));
          first!.child.kill("SIGKILL");
          await first!.exited;
        })();
        await killing;
        throw new Error("421 worker gone");
      },
    });
    try {
      first = startWorker({ ...env, SMTP_URL: sink.url }, onLine);
      await first.exited;
      expect(sink.received.length).toBeGreaterThanOrEqual(killAfter);
      expect(sink.received.length).toBeLessThan(recipients);
      killed = true;
      killing = null;
      const second = startWorker({ ...env, SMTP_URL: sink.url }, () => {});
      expect(await second.exited).toBe(0);

      const perAddress = new Map<string, number>();
      for (const m of sink.received) for (const to of m.to) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
      expect(perAddress.size).toBe(recipients);
      expect([...perAddress.values()].filter((n) => n !== 1)).toEqual([]);
      // The dead worker's reset connections are all the relay saw go wrong.
      expect(sink.errors).toEqual([]);

      const db = await reopen();
      try {
        const rows = rowsOf<{ status: string; n: number }>(await db.primary.execute(sql`select status, count(*)::int as n from newsletter_deliveries group by status`));
        expect(rows.map((r) => [r.status, Number(r.n)])).toEqual([["sent", recipients]]);
        // Through pg-boss: every job completed, and the dead worker's came back by expiring.
        const jobs = rowsOf<{ state: string; n: number; retried: number }>(
          await db.primary.execute(sql`select state, count(*)::int as n, count(*) filter (where retry_count > 0)::int as retried from pgboss.job where name = 'newsletter-delivery' group by state`),
        );
        expect(jobs.map((j) => [j.state, Number(j.n)])).toEqual([["completed", recipients]]);
        expect(Number(jobs[0]!.retried)).toBeGreaterThan(0);
        const [issue] = await db.primary.select().from(t.newsletterIssues);
        expect(issue?.finishedAt).toBeInstanceOf(Date);
      } finally {
        await db.close();
      }
    } finally {
      first?.child.kill("SIGKILL");
      await sink.close();
      await cleanup();
    }
  }, 300_000);
});
