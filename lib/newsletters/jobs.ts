import { sql } from "drizzle-orm";
import { getPrimaryDb, inBackground, type Db } from "@/db/client";
import { newsletterCounts, newsletters, subscribers, subscriptions } from "@/db/schema";
import { mailSecret, mailer } from "@/lib/mail/config";
import { drainMailQueue } from "@/lib/mail/queue";
import type { Mailer } from "@/lib/mail/transport";
import { env } from "@/lib/env";
import { queueBreakingAlerts, queueDueDigests, siteForMail } from "./issues";
import { runDeliveries, type WorkerOptions } from "./queue";
import { localDay } from "./schedule";

/** Today's subscriber count per list, kept per day for the newsroom's chart. */
export async function recordSubscriberCounts(db: Db, day: string) {
  await db.execute(sql`
    insert into ${newsletterCounts} (newsletter_id, day, subscribers)
    select n.id, ${day}, count(s.id)::int
    from ${newsletters} n
      left join ${subscriptions} l on l.newsletter_id = n.id
      left join ${subscribers} s on s.id = l.subscriber_id and s.status = 'confirmed'
    group by n.id
    on conflict (newsletter_id, day) do update set subscribers = excluded.subscribers`);
}

export type PassOptions = { mailer: Mailer; siteUrl: string; secret: string; now?: Date; worker?: Partial<WorkerOptions> };

/**
 * One pass of newsletter work: queued single messages (confirmations), then new issues (due
 * digests, breaking alerts), then the deliveries that are due. Tests call it directly; the
 * server runs it in a loop (startNewsletters).
 */
export async function runNewsletterPass(db: Db, options: PassOptions) {
  const now = options.now ?? new Date();
  // One step failing (a digest that cannot be made) must not stop the others: queued
  // deliveries still go out. The failures are thrown together at the end.
  const failures: unknown[] = [];
  const step = async <T>(work: () => Promise<T>, none: T): Promise<T> => work().catch((error) => (failures.push(error), none));
  const single = await step(() => drainMailQueue(db, options.mailer), { sent: 0, failed: 0 });
  const breaking = await step(() => queueBreakingAlerts(db, options.siteUrl, now), []);
  const digests = await step(() => queueDueDigests(db, options.siteUrl, now), []);
  const delivered = await runDeliveries(db, options.mailer, {
    links: { secret: options.secret, siteUrl: options.siteUrl },
    concurrency: env().MAIL_POOL_SIZE * 2,
    hardFailureLimit: env().MAIL_HARD_FAILURE_LIMIT,
    ...options.worker,
  });
  if (failures.length > 0) throw new AggregateError(failures, `Newsletter pass: ${failures.length} step(s) failed`);
  return { single, issues: [...breaking, ...digests], delivered };
}

const idleMs = 5_000;
const countEveryMs = 10 * 60 * 1000;

/**
 * The server's newsletter loop, beside the scheduler: a pass every few seconds, at once again
 * while there was work. Every instance runs it; row locks and SKIP LOCKED share the work out.
 * Send work is network waits and short statements between them, so reader requests served by
 * the same process are not held up behind it.
 */
export function startNewsletters() {
  let countedAt = 0;
  const tick = async () => {
    let busy = false;
    try {
      const db = await getPrimaryDb();
      const e = env();
      const result = await inBackground(() =>
        runNewsletterPass(db, { mailer: mailer(), siteUrl: e.SITE_URL, secret: mailSecret(), worker: { maxMs: 60_000 } }),
      );
      const d = result.delivered;
      busy = d.sent + d.failed + d.retried + d.skipped + result.single.sent > 0;
      if (result.issues.length > 0) console.log(`Newsletters: queued ${result.issues.map((i) => `issue ${i.id} (${i.recipients} recipients)`).join(", ")}`);
      if (Date.now() - countedAt > countEveryMs) {
        countedAt = Date.now();
        const site = await siteForMail(db, e.SITE_URL);
        await inBackground(() => recordSubscriberCounts(db, localDay(new Date(), site.timeZone)));
      }
    } catch (error) {
      console.error("Newsletter pass failed:", error);
    }
    setTimeout(tick, busy ? 0 : idleMs + Math.random() * 1000).unref();
  };
  setTimeout(tick, 3000).unref();
}
