import { eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { deliveries, newsletterIssues, subscribers, subscriptions } from "@/db/schema";
import { unsubscribeHeaders } from "@/lib/mail/headers";
import type { Mailer } from "@/lib/mail/transport";
import { personalize } from "./email";
import { emailHash, manageUrl, unsubscribeUrl, type LinkContext } from "./links";

// The send queue is the delivery table itself: one row per (issue, subscriber), made in the
// same statement that makes the issue, unique on the pair. That row is the job and its record
// (queued, sending, sent, failed with the relay's reply, attempts and the next try), so no
// second store can disagree with it, and a unique index rather than a queue's promise is what
// stops a second copy. pg-boss would keep a job per recipient in its own schema beside these
// rows (100,000 more inserts and deletes per issue) and needs a `pg` pool that the embedded
// PGlite cannot give; the claim below is the same FOR UPDATE SKIP LOCKED that pg-boss uses,
// and runs on both.
//
// Crash safety: a worker claims rows for a lease and marks each one sent the moment the relay
// accepts it (250 after DATA). A worker killed mid-send leaves its unsent claims to expire and
// be taken over; a message cut off before the relay's 250 was never delivered (SMTP discards
// it), so taking it over is no duplicate. The one window left is between the relay's 250 and
// the row's update, a single round trip to the database.

export const retry = { maxAttempts: 5, firstBackoffSeconds: 60 };

/** Seconds before attempt n+1 after n attempts: 1, 4, 16, 64 minutes. */
export function backoffSeconds(attempts: number): number {
  return retry.firstBackoffSeconds * 4 ** Math.max(0, attempts - 1);
}

export type NewIssue = { newsletterId: number; dedupeKey: string; subject: string; html: string; text: string; articleIds: number[] };

/**
 * Makes an issue and queues a delivery for every confirmed subscriber of its list, in one
 * transaction. The dedupe key makes a second call (another instance, a retried tick) a no-op:
 * returns null then.
 */
export async function createIssue(db: Db, issue: NewIssue): Promise<{ id: number; recipients: number } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(newsletterIssues).values(issue).onConflictDoNothing({ target: newsletterIssues.dedupeKey }).returning({ id: newsletterIssues.id });
    if (!row) return null;
    // Only confirmed addresses: a pending one has not said yes yet.
    const queued = rowsOf<{ n: number }>(
      await tx.execute(sql`
        with made as (
          insert into ${deliveries} (issue_id, subscriber_id)
          select ${row.id}, s.id from ${subscriptions} l join ${subscribers} s on s.id = l.subscriber_id
          where l.newsletter_id = ${issue.newsletterId} and s.status = 'confirmed'
          order by s.id
          returning 1)
        select count(*)::int as n from made`),
    );
    const recipients = Number(queued[0]?.n ?? 0);
    await tx
      .update(newsletterIssues)
      .set({ recipients, ...(recipients === 0 ? { finishedAt: new Date() } : {}) })
      .where(eq(newsletterIssues.id, row.id));
    return { id: row.id, recipients };
  });
}

type Claim = { id: number; issueId: number; subscriberId: number | null; attempts: number; email: string | null; status: string | null };

async function claim(db: Db, limit: number, leaseSeconds: number): Promise<Claim[]> {
  const rows = rowsOf<{ id: string | number; issue_id: number; subscriber_id: number | null; attempts: number; email: string | null; status: string | null }>(
    await db.execute(sql`
      with claimed as (
        update ${deliveries} d set status = 'sending', attempts = d.attempts + 1,
          locked_until = now() + make_interval(secs => ${leaseSeconds})
        where d.id in (
          select id from ${deliveries}
          where status in ('queued', 'sending') and next_attempt_at <= now()
            and (locked_until is null or locked_until < now())
          order by next_attempt_at, id limit ${limit}
          for update skip locked)
        returning d.id, d.issue_id, d.subscriber_id, d.attempts)
      select c.id, c.issue_id, c.subscriber_id, c.attempts, s.email, s.status
      from claimed c left join ${subscribers} s on s.id = c.subscriber_id
      order by c.id`),
  );
  return rows.map((r) => ({ id: Number(r.id), issueId: Number(r.issue_id), subscriberId: r.subscriber_id === null ? null : Number(r.subscriber_id), attempts: Number(r.attempts), email: r.email, status: r.status }));
}

export type WorkerOptions = {
  links: LinkContext;
  /** how many rows one claim takes */
  batch?: number;
  /** messages in flight at once (the SMTP pool's connections) */
  concurrency?: number;
  leaseSeconds?: number;
  hardFailureLimit?: number;
  /** stop claiming after this long (the scheduler's pass), finishing what was claimed */
  maxMs?: number;
  /** after each delivery's row is written: tests and the bench watch progress here */
  onRecorded?: (delivery: { id: number; status: "sent" | "failed" | "queued" | "skipped" }) => void;
};

type IssueBody = { subject: string; html: string; text: string };

/** A permanent refusal counts against the address; past the limit it is suppressed. */
async function recordHardFailure(db: Db, subscriberId: number, email: string, limit: number) {
  const [row] = await db
    .update(subscribers)
    .set({ hardFailures: sql`${subscribers.hardFailures} + 1` })
    .where(eq(subscribers.id, subscriberId))
    .returning({ hardFailures: subscribers.hardFailures });
  if (row && row.hardFailures >= limit) {
    await db.transaction(async (tx) => {
      await tx.delete(subscribers).where(eq(subscribers.id, subscriberId));
      await tx.execute(sql`insert into newsletter_suppressions (email_hash, reason) values (${emailHash(email)}, 'bounced') on conflict (email_hash) do update set reason = 'bounced'`);
    });
  }
}

/**
 * Works the delivery queue until it is empty (or maxMs has passed): claims a batch, sends it
 * through the mailer with `concurrency` messages in flight, and records each outcome as it
 * comes. Returns the counts of this run.
 */
export async function runDeliveries(db: Db, mailer: Mailer, options: WorkerOptions) {
  const { batch = 200, concurrency = 10, leaseSeconds = 120, hardFailureLimit = 3, maxMs = Infinity } = options;
  const started = Date.now();
  const bodies = new Map<number, IssueBody>();
  const touched = new Set<number>();
  const counts = { sent: 0, failed: 0, retried: 0, skipped: 0 };

  const body = async (issueId: number): Promise<IssueBody> => {
    const known = bodies.get(issueId);
    if (known) return known;
    const [row] = await db.select({ subject: newsletterIssues.subject, html: newsletterIssues.html, text: newsletterIssues.text }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
    const loaded = row ?? { subject: "", html: "", text: "" };
    bodies.set(issueId, loaded);
    return loaded;
  };

  const deliver = async (job: Claim) => {
    touched.add(job.issueId);
    if (!job.email || job.status !== "confirmed" || job.subscriberId === null) {
      // Left (or was suppressed) after the issue was queued.
      await db.execute(sql`update ${deliveries} set status = 'skipped', locked_until = null where id = ${job.id}`);
      counts.skipped++;
      options.onRecorded?.({ id: job.id, status: "skipped" });
      return;
    }
    const issue = await body(job.issueId);
    const claims = { sub: job.subscriberId, email: job.email };
    const unsubscribe = unsubscribeUrl(options.links, claims);
    const links = { manage: manageUrl(options.links, claims), unsubscribe };
    const result = await mailer.send({
      to: job.email,
      subject: issue.subject,
      html: personalize(issue.html, links),
      text: personalize(issue.text, links),
      headers: unsubscribeHeaders(unsubscribe),
    });
    if (result.ok) {
      await db.execute(sql`
        with d as (
          update ${deliveries} set status = 'sent', sent_at = now(), locked_until = null, last_response = ${result.response.slice(0, 200)}
          where id = ${job.id} returning subscriber_id)
        update ${subscribers} set hard_failures = 0 where id = (select subscriber_id from d) and hard_failures > 0`);
      counts.sent++;
      options.onRecorded?.({ id: job.id, status: "sent" });
    } else if (result.permanent || job.attempts >= retry.maxAttempts) {
      await db.execute(sql`update ${deliveries} set status = 'failed', locked_until = null, last_response = ${result.response} where id = ${job.id}`);
      if (result.permanent) await recordHardFailure(db, job.subscriberId, job.email, hardFailureLimit);
      counts.failed++;
      options.onRecorded?.({ id: job.id, status: "failed" });
    } else {
      await db.execute(sql`
        update ${deliveries} set status = 'queued', locked_until = null, last_response = ${result.response},
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds(job.attempts)})
        where id = ${job.id}`);
      counts.retried++;
      options.onRecorded?.({ id: job.id, status: "queued" });
    }
  };

  for (;;) {
    if (Date.now() - started > maxMs) break;
    const jobs = await claim(db, batch, leaseSeconds);
    if (jobs.length === 0) break;
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
        while (next < jobs.length) await deliver(jobs[next++]!);
      }),
    );
  }
  if (touched.size > 0) await finishIssues(db, [...touched]);
  return counts;
}

/** Stamps the issues none of whose deliveries is still to be sent: the time the issue took. */
export async function finishIssues(db: Db, issueIds: number[]) {
  await db.execute(sql`
    update ${newsletterIssues} i set finished_at = now()
    where i.id in (${sql.join(issueIds.map((id) => sql`${id}`), sql`, `)}) and i.finished_at is null
      and not exists (select 1 from ${deliveries} d where d.issue_id = i.id and d.status in ('queued', 'sending'))`);
}

/** Per status, the issue's deliveries. */
export async function deliveryCounts(db: Db, issueIds: number[]) {
  if (issueIds.length === 0) return new Map<number, Record<string, number>>();
  const rows = await db
    .select({ issueId: deliveries.issueId, status: deliveries.status, n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(inArray(deliveries.issueId, issueIds))
    .groupBy(deliveries.issueId, deliveries.status);
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const entry = out.get(r.issueId) ?? {};
    entry[r.status] = Number(r.n);
    out.set(r.issueId, entry);
  }
  return out;
}
