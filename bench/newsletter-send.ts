// The newsletter row of `npm run bench -- --newsletters 100000`: one issue to that many
// confirmed subscribers, through a local SMTP sink (another process), on a database of its own
// (embedded in a temp folder, or a fresh database on BENCH_DATABASE_URL / TEST_DATABASE_URL).
// Reports messages a second and the sender's CPU per message; target 100,000 in 10 minutes.
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openEmbedded, openPostgres, rowsOf, type Database } from "../db/client";
import { newsletters } from "../db/schema";
import { migrateServer } from "../scripts/db-setup";
import { createMailer } from "../lib/mail/transport";
import { renderIssue } from "../lib/newsletters/email";
import { createIssue, runDeliveries } from "../lib/newsletters/queue";

type SinkReport = { count: number; duplicates: number; cpu: NodeJS.CpuUsage };

export async function benchNewsletterSend(recipients: number, log: (line: string) => void) {
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (server) {
    const name = `gazette_bench_mail_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    await migrateServer(url.toString());
    database = await openPostgres(url.toString(), [], 4);
    drop = async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "gazette-bench-mail-"));
    database = await openEmbedded(dir);
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const db = database.primary;
  const sink = fork(path.join(import.meta.dirname, "smtp-sink-process.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ask = <T>(message: object) => new Promise<T>((resolve) => { sink.once("message", (m) => resolve(m as T)); if (Object.keys(message).length) sink.send(message); });
  try {
    const { port } = await ask<{ port: number }>({});
    log(`Newsletter bench: ${recipients.toLocaleString("en-US")} confirmed subscribers on ${database.kind}…`);
    const [list] = await db.insert(newsletters).values({ name: "Morning Briefing", kind: "digest" }).returning();
    await db.execute(sql`insert into newsletter_subscribers (email, status, confirmed_at) select 'reader' || g || '@bench.test', 'confirmed', now() from generate_series(1, ${recipients}) g`);
    await db.execute(sql`insert into newsletter_subscriptions (subscriber_id, newsletter_id) select id, ${list!.id} from newsletter_subscribers`);
    const articles = Array.from({ length: 12 }, (_, i) => ({
      title: `Story ${i + 1}: the council votes on the river crossing`,
      standfirst: "A paragraph of summary, as long as a real standfirst tends to be, so the message has a realistic size.",
      url: `http://bench.test/city/story-${i + 1}`,
      section: "City",
      imageUrl: `http://bench.test/media/${i + 1}/640.jpg`,
      imageAlt: "A photo",
    }));
    const queuedAt = Date.now();
    const { html, text } = await renderIssue({ siteName: "Gazette", siteUrl: "http://bench.test", newsletterName: "Morning Briefing", intro: "Morning Briefing", articles });
    const issue = await createIssue(db, { newsletterId: list!.id, dedupeKey: "bench", subject: "Morning Briefing", html, text, articleIds: [] });
    const queueMs = Date.now() - queuedAt;

    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "Gazette <news@bench.test>", outboxDir: "/nonexistent", poolSize: 10 });
    const cpu = process.cpuUsage();
    const started = Date.now();
    let last = started;
    const counts = await runDeliveries(db, mailer, {
      links: { secret: "b".repeat(40), siteUrl: "http://bench.test" },
      batch: 500,
      concurrency: 20,
      onRecorded: () => {
        if (Date.now() - last > 30_000) {
          last = Date.now();
          log(`  …${Math.round((Date.now() - started) / 1000)} s`);
        }
      },
    });
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    mailer.close();
    const report = await ask<SinkReport>({ type: "count" });
    const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from newsletter_deliveries group by status`));
    const cpuMsPerMessage = (used.user + used.system) / 1000 / Math.max(1, counts.sent);
    const result = {
      recipients: issue?.recipients ?? 0,
      queueMs,
      seconds,
      perSecond: counts.sent / seconds,
      cpuMsPerMessage,
      sinkReceived: report.count,
      duplicates: report.duplicates,
      statuses: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])),
      database: database.kind,
      withinTarget: counts.sent === recipients && seconds * (100_000 / recipients) < 600,
    };
    log(
      [
        "",
        "| newsletter issue | recipients | queued in | sent in | messages/s | sender CPU/message | sink received | duplicates | target (100,000 < 10 min) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        `| one issue, ${database.kind} | ${result.recipients.toLocaleString("en-US")} | ${(queueMs / 1000).toFixed(1)} s | ${seconds.toFixed(1)} s | ${result.perSecond.toFixed(0)} | ${cpuMsPerMessage.toFixed(2)} ms | ${report.count.toLocaleString("en-US")} | ${report.duplicates} | ${result.withinTarget ? "met" : "missed"} |`,
        "",
        `Delivery rows: ${JSON.stringify(result.statuses)}. CPU is this process's (sender${database.kind === "embedded" ? " and the embedded database" : ""}); the sink runs in its own process.`,
      ].join("\n"),
    );
    return result;
  } finally {
    sink.send({ type: "stop" });
    await database.close();
    await drop();
  }
}
