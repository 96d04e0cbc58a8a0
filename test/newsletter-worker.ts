// A delivery worker in its own process, for the kill-mid-send test: it opens the database the
// test made (DATA_DIR's embedded files or DATABASE_URL), sends through SMTP_URL and prints a
// line for every delivery row it has written, so the test knows what is on disk.
import { sql } from "drizzle-orm";
import { openEmbedded, openPostgres, rowsOf } from "@/db/client";
import { createMailer } from "@/lib/mail/transport";
import { runDeliveries } from "@/lib/newsletters/queue";

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL) : await openEmbedded(process.env.DATA_DIR!);
const mailer = createMailer({ smtpUrl: process.env.SMTP_URL!, from: "news@news.test", outboxDir: "/nonexistent", poolSize: 4 });
const db = database.primary;
const leaseSeconds = Number(process.env.LEASE_SECONDS ?? 2);

for (;;) {
  await runDeliveries(db, mailer, {
    links: { secret: "w".repeat(40), siteUrl: "http://news.test" },
    concurrency: 8,
    batch: 50,
    leaseSeconds,
    // A job the killed worker held comes back once it expires (two seconds here).
    queue: { expireInSeconds: leaseSeconds, retryDelay: 1 },
    onRecorded: ({ id, status }) => process.stdout.write(`recorded ${id} ${status}\n`),
  });
  const [left] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from newsletter_deliveries where status in ('queued', 'sending')`));
  if (Number(left?.n ?? 0) === 0) break;
  // Jobs another (dead) worker fetched come back when they expire.
  await new Promise((resolve) => setTimeout(resolve, 250));
}
mailer.close();
await database.close();
process.stdout.write("done\n");
