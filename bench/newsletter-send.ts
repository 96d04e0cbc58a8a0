// The newsletter row of `npm run bench -- --newsletters 100000`: one issue to that many
// confirmed subscribers, through a local SMTP sink (another process), on a database of its own
// (a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL, else embedded in a temp folder).
// Target: 100,000 in 10 minutes, with reader pages served at their usual rate meanwhile.
//
// On PostgreSQL the production server sends, as it would in a newsroom: its own newsletter
// loop takes the issue off the pg-boss queue, while autocannon reads pages from it. Reader
// rounds (10 s) alternate with quiet windows (10 s): the rounds give the reader-page rate
// during the send, to compare with the same rounds before the issue; the quiet windows give
// the server's CPU per message with no reader in it. The embedded database is one process's
// files, so there the bench sends in its own process, without readers.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openEmbedded, openPostgres, rowsOf, type Database, type Db } from "../db/client";
import { newsletters } from "../db/schema";
import { migrateServer } from "../scripts/db-setup";
import { createMailer } from "../lib/mail/transport";
import { renderIssue } from "../lib/newsletters/email";
import { createIssue, runDeliveries } from "../lib/newsletters/queue";
import { cpuMs, drive, type Round } from "./measure";
import { seedBenchmark } from "./seed";
import { buildIfNeeded, startApp, stop } from "./server";

type SinkReport = { count: number; duplicates: number; cpu: NodeJS.CpuUsage };

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(", ");

async function seedSubscribers(db: Db, recipients: number) {
  // A breaking list: a digest list would also be due to the server's scheduler, a second issue.
  const [list] = await db.insert(newsletters).values({ name: "Morning Briefing", kind: "breaking" }).returning();
  await db.execute(sql`insert into newsletter_subscribers (email, status, confirmed_at) select 'reader' || g || '@bench.test', 'confirmed', now() from generate_series(1, ${recipients}) g`);
  await db.execute(sql`insert into newsletter_subscriptions (subscriber_id, newsletter_id) select id, ${list!.id} from newsletter_subscribers`);
  return list!.id;
}

async function makeIssue(db: Db, listId: number, siteUrl: string) {
  const articles = Array.from({ length: 12 }, (_, i) => ({
    title: `Story ${i + 1}: the council votes on the river crossing`,
    standfirst: "A paragraph of summary, as long as a real standfirst tends to be, so the message has a realistic size.",
    url: `${siteUrl}/city/story-${i + 1}`,
    section: "City",
    imageUrl: `${siteUrl}/media/${i + 1}/640.jpg`,
    imageAlt: "A photo",
  }));
  const { html, text } = await renderIssue({ siteName: "Gazette", siteUrl, newsletterName: "Morning Briefing", intro: "Morning Briefing", articles });
  return createIssue(db, { newsletterId: listId, dedupeKey: "bench", subject: "Morning Briefing", html, text, articleIds: [] });
}

async function statusCounts(db: Db): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from newsletter_deliveries group by status`));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

function startSink() {
  const sink = fork(path.join(import.meta.dirname, "smtp-sink-process.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(message: object) =>
    new Promise<T>((resolve) => {
      sink.once("message", (m) => resolve(m as T));
      if (Object.keys(message).length) sink.send(message);
    });
  return { sink, ask };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export async function benchNewsletterSend(recipients: number, log: (line: string) => void, options: { port: number; connections: number }) {
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (!server) return benchEmbedded(recipients, log);
  const name = `gazette_bench_mail_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const work = mkdtempSync(path.join(os.tmpdir(), "gazette-bench-mail-"));
  const { sink, ask } = startSink();
  let app: ChildProcess | undefined;
  let database: Database | undefined;
  try {
    buildIfNeeded(log);
    await migrateServer(url.toString());
    database = await openPostgres(url.toString(), [], 2);
    const db = database.primary;
    log(`Newsletter bench: ${recipients.toLocaleString("en-US")} confirmed subscribers on PostgreSQL (${name}); the server sends. Load average: ${load()}.`);
    await seedBenchmark(db, 300, () => {});
    const listId = await seedSubscribers(db, recipients);
    const paths = [
      "/",
      ...rowsOf<{ path: string }>(
        await db.execute(sql`
          select '/' || s.slug || '/' || a.slug as path from articles a join sections s on s.id = a.section_id
          where a.status = 'published' order by md5(a.id::text) limit 50`),
      ).map((r) => r.path),
    ];
    const { port: smtpPort } = await ask<{ port: number }>({});
    const base = `http://127.0.0.1:${options.port}`;
    app = await startApp(
      options.port,
      {
        DATABASE_URL: url.toString(),
        DATABASE_REPLICA_URLS: "",
        DATA_DIR: path.join(work, "data"),
        SITE_URL: base,
        AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000",
        REDIS_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: "Gazette <news@bench.test>",
        MAIL_POOL_SIZE: "10",
      },
      path.join(work, "server.log"),
    );
    for (const p of paths) await fetch(base + p).then((r) => r.text());
    let next = 0;
    const round = (): Promise<Round> =>
      drive({ url: base, connections: options.connections, seconds: 10, nextPath: () => paths[next++ % paths.length]!, cpuOf: [app!.pid!] });

    const before: Round[] = [];
    for (let i = 0; i < 3; i++) before.push(await round());
    log(`  readers without a send: ${mean(before.map((r) => r.rps)).toFixed(0)} pages/s, p99 ${Math.max(...before.map((r) => r.p99))} ms (load average ${load()})`);

    const queuedAt = Date.now();
    const issue = await makeIssue(db, listId, base);
    const queueMs = Date.now() - queuedAt;
    const sent = async () => (await ask<SinkReport>({ type: "count" })).count;
    const during: Round[] = [];
    const quiet: { cpu: number; messages: number }[] = [];
    const serverCpuAtStart = cpuMs(app.pid!);
    let done = false;
    let lastLog = Date.now();
    while (!done) {
      during.push(await round());
      const c0 = cpuMs(app.pid!);
      const m0 = await sent();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      const m1 = await sent();
      quiet.push({ cpu: cpuMs(app.pid!) - c0, messages: m1 - m0 });
      const counts = await statusCounts(db);
      done = (counts.queued ?? 0) + (counts.sending ?? 0) === 0 && m1 > 0;
      if (Date.now() - lastLog > 60_000 || done) {
        lastLog = Date.now();
        log(`  …${Math.round((Date.now() - queuedAt) / 1000)} s: ${m1.toLocaleString("en-US")} received by the sink; load average ${load()}`);
      }
      if (Date.now() - queuedAt > 45 * 60_000) throw new Error("the send did not finish in 45 minutes");
    }
    const [timing] = rowsOf<{ seconds: number }>(await db.execute(sql`select extract(epoch from finished_at - created_at)::float8 as seconds from newsletter_issues where id = ${issue!.id}`));
    const seconds = Number(timing?.seconds ?? NaN);
    const serverCpu = cpuMs(app.pid!) - serverCpuAtStart;
    const report = await ask<SinkReport>({ type: "count" });
    const statuses = await statusCounts(db);
    const quietMessages = quiet.reduce((n, q) => n + q.messages, 0);
    const cpuMsPerMessage = quiet.reduce((n, q) => n + q.cpu, 0) / Math.max(1, quietMessages);
    const rpsBefore = mean(before.map((r) => r.rps));
    const rpsDuring = mean(during.map((r) => r.rps));
    const result = {
      recipients: issue?.recipients ?? 0,
      queueMs,
      seconds,
      perSecond: (statuses.sent ?? 0) / seconds,
      cpuMsPerMessage,
      serverCpuMsPerMessage: serverCpu / Math.max(1, statuses.sent ?? 0),
      sinkReceived: report.count,
      duplicates: report.duplicates,
      statuses,
      rpsBefore,
      rpsDuring,
      withinTarget: statuses.sent === recipients && seconds * (100_000 / recipients) < 600,
    };
    log(
      [
        "",
        "| newsletter issue | recipients | queued in | sent in | messages/s | server CPU/message (quiet windows) | sink received | duplicates | reader pages/s before → during | p99 before → during | target (100,000 < 10 min) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        `| one issue, postgres, server sends | ${result.recipients.toLocaleString("en-US")} | ${(queueMs / 1000).toFixed(1)} s | ${seconds.toFixed(1)} s | ${result.perSecond.toFixed(0)} | ${cpuMsPerMessage.toFixed(2)} ms | ${report.count.toLocaleString("en-US")} | ${report.duplicates} | ${rpsBefore.toFixed(0)} → ${rpsDuring.toFixed(0)} | ${Math.max(...before.map((r) => r.p99))} → ${Math.max(...during.map((r) => r.p99))} ms | ${result.withinTarget ? "met" : "missed"} |`,
        "",
        `Delivery rows: ${JSON.stringify(statuses)}. Reader rounds: ${options.connections} connections, 10 s, home and 50 articles, alternating with 10 s quiet windows during the send; the server's whole CPU over the send was ${result.serverCpuMsPerMessage.toFixed(2)} ms per message, readers included. Non-2xx during the send: ${during.reduce((n, r) => n + r.non2xx + r.errors, 0)}. Load average at the end: ${load()} (${os.cpus().length} cores).`,
      ].join("\n"),
    );
    return result;
  } finally {
    await stop(app);
    sink.send({ type: "stop" });
    await database?.close();
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The embedded database: the bench sends in its own process, without readers. */
async function benchEmbedded(recipients: number, log: (line: string) => void) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gazette-bench-mail-"));
  const database = await openEmbedded(dir);
  const db = database.primary;
  const { sink, ask } = startSink();
  try {
    const { port } = await ask<{ port: number }>({});
    log(`Newsletter bench: ${recipients.toLocaleString("en-US")} confirmed subscribers on the embedded database, sent from this process (no reader rounds). Load average: ${load()}.`);
    const listId = await seedSubscribers(db, recipients);
    const queuedAt = Date.now();
    const issue = await makeIssue(db, listId, "http://bench.test");
    const queueMs = Date.now() - queuedAt;
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Gazette <news@bench.test>", outboxDir: "/nonexistent", poolSize: 10 });
    const cpu = process.cpuUsage();
    const started = Date.now();
    const counts = await runDeliveries(db, mailer, { links: { secret: "b".repeat(40), siteUrl: "http://bench.test" }, batch: 500, concurrency: 20 });
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    mailer.close();
    const report = await ask<SinkReport>({ type: "count" });
    const cpuMsPerMessage = (used.user + used.system) / 1000 / Math.max(1, counts.sent);
    log(
      [
        "",
        "| newsletter issue | recipients | queued in | sent in | messages/s | sender CPU/message | sink received | duplicates | target (100,000 < 10 min) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        `| one issue, embedded | ${(issue?.recipients ?? 0).toLocaleString("en-US")} | ${(queueMs / 1000).toFixed(1)} s | ${seconds.toFixed(1)} s | ${(counts.sent / seconds).toFixed(0)} | ${cpuMsPerMessage.toFixed(2)} ms | ${report.count.toLocaleString("en-US")} | ${report.duplicates} | ${counts.sent === recipients && seconds * (100_000 / recipients) < 600 ? "met" : "missed"} |`,
        "",
        `Delivery rows: ${JSON.stringify(await statusCounts(db))}. CPU is this process's (sender and the embedded database). Load average: ${load()}.`,
      ].join("\n"),
    );
  } finally {
    sink.send({ type: "stop" });
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
