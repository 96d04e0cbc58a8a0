import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { rowsOf, type Db } from "@/db/client";
import { deliveries, newsletterIssues, subscribers, subscriptions } from "@/db/schema";
import { unsubscribeHeaders } from "@/lib/mail/headers";
import type { Mailer } from "@/lib/mail/transport";
import { defaultQueueSettings, deliveryQueue, queueOf, type QueueSettings } from "./boss";
import { personalize } from "./email";
import { emailHash, manageUrl, unsubscribeUrl, type LinkContext } from "./links";

// Deliveries are jobs on pg-boss (lib/newsletters/boss.ts), one per recipient, in the same
// database: pg-boss hands each job to one worker at a time (FOR UPDATE SKIP LOCKED), so every
// instance works the queue; it retries a failed job with exponential backoff and jitter, and
// a job whose worker died (kill -9) expires and is handed out again.
//
// The delivery table stays the record: one row per (issue, subscriber), made in the statement
// that makes the issue and unique on the pair, with its status (queued, sending, sent, failed
// with the relay's reply, skipped), attempts and next try, which the admin page counts. A job
// only names its row. Before sending, a worker claims the row itself (queued, or sending with
// a lapsed lease), in one statement for the whole fetched batch; a second job for the same row
// (two instances queueing one issue at once, or a job handed out again while its first worker
// still lives) finds the row taken or done and sends nothing. pg-boss is at-least-once; the row
// claim is what makes it at most once per row.
//
// Crash safety: a row is marked sent the moment the relay accepts the message (250 after
// DATA). A worker killed mid-send leaves its jobs active and its rows `sending`; the jobs
// expire (expireInSeconds), come back, and the rows' leases have lapsed by then: the next
// worker sends what was not accepted. A message cut off before the relay's 250 was never
// delivered (SMTP discards it), so that is no duplicate. The one window left is between the
// relay's 250 and the row's update, one round trip to the database: a process that dies
// exactly there sends that one message again on restart. That is the at-least-once bound, at
// most one duplicate per worker killed; the resend carries the same Message-ID (made from the
// delivery row), so a client that dedupes by Message-ID shows it once.

export type NewIssue = { newsletterId: number; dedupeKey: string; subject: string; html: string; text: string; articleIds: number[] };

/**
 * Makes an issue and queues a delivery for every confirmed subscriber of its list, in one
 * transaction. The dedupe key makes a second call (another instance, a retried tick) a no-op:
 * returns null then.
 */
export async function createIssue(db: Db, issue: NewIssue): Promise<{ id: number; recipients: number } | null> {
  return db.transaction(async (tx) => {
    // One row per recipient in one statement: 100,000 take longer than a reader request's
    // statement timeout (DATABASE_TIMEOUT_MS), which the server's connections carry. Found by
    // the bench: without this a big digest never got made. Bounded still, for this transaction.
    await tx.execute(sql`select set_config('statement_timeout', '600s', true)`);
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

/**
 * Takes the rows of the fetched jobs that are still to be sent (queued, or sending under a
 * lease that lapsed): one statement for the batch. A row that is not returned is done, or
 * held by a live worker.
 */
async function claimRows(db: Db, ids: number[], leaseSeconds: number): Promise<Claim[]> {
  if (ids.length === 0) return [];
  const rows = rowsOf<{ id: string | number; issue_id: number; subscriber_id: number | null; attempts: number; email: string | null; status: string | null }>(
    await db.execute(sql`
      with claimed as (
        update ${deliveries} d set status = 'sending', attempts = d.attempts + 1,
          locked_until = now() + make_interval(secs => ${leaseSeconds})
        where d.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
          and (d.status = 'queued' or (d.status = 'sending' and d.locked_until < now()))
        returning d.id, d.issue_id, d.subscriber_id, d.attempts)
      select c.id, c.issue_id, c.subscriber_id, c.attempts, s.email, s.status
      from claimed c left join ${subscribers} s on s.id = c.subscriber_id`),
  );
  return rows.map((r) => ({ id: Number(r.id), issueId: Number(r.issue_id), subscriberId: r.subscriber_id === null ? null : Number(r.subscriber_id), attempts: Number(r.attempts), email: r.email, status: r.status }));
}

/** Rows of these ids that are finished (sent, failed, skipped): their jobs have nothing to do. */
async function finishedRows(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(and(inArray(deliveries.id, ids), inArray(deliveries.status, ["sent", "failed", "skipped"])));
  return new Set(rows.map((r) => Number(r.id)));
}

const insertChunk = 5_000;

/**
 * Puts a job on the queue for every queued delivery of each issue whose jobs are not queued
 * yet, then stamps the issue. A process that dies in between leaves the stamp unset: the next
 * pass queues the jobs again, and the row claim makes the second job of a row a no-op.
 */
async function enqueueIssues(db: Db, boss: PgBoss) {
  const pending = await db
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(and(isNull(newsletterIssues.jobsQueuedAt), isNull(newsletterIssues.finishedAt)))
    .orderBy(newsletterIssues.id);
  for (const issue of pending) {
    const rows = await db.select({ id: deliveries.id }).from(deliveries).where(and(eq(deliveries.issueId, issue.id), eq(deliveries.status, "queued"))).orderBy(deliveries.id);
    for (let i = 0; i < rows.length; i += insertChunk) {
      await boss.insert(rows.slice(i, i + insertChunk).map((r) => ({ name: deliveryQueue, data: { delivery: Number(r.id) } })));
    }
    await db.update(newsletterIssues).set({ jobsQueuedAt: new Date() }).where(eq(newsletterIssues.id, issue.id));
  }
}

export type WorkerOptions = {
  links: LinkContext;
  /** how many jobs one fetch takes */
  batch?: number;
  /** messages in flight at once (the SMTP pool's connections) */
  concurrency?: number;
  /** how long a claimed row is the claimer's; past it, another worker may take it over */
  leaseSeconds?: number;
  hardFailureLimit?: number;
  /** stop fetching after this long (the scheduler's pass), finishing what was fetched */
  maxMs?: number;
  /** the queue's retry and expiry settings, applied when this database's queue is first started */
  queue?: Partial<QueueSettings>;
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

/** The same for every attempt at one delivery, so a client can tell a resend from a new message. */
export function deliveryMessageId(deliveryId: number, siteUrl: string): string {
  return `<delivery-${deliveryId}@${new URL(siteUrl).hostname}>`;
}

/**
 * Works the delivery queue until no job is due (or maxMs has passed): returns expired jobs to
 * the queue, queues the jobs of new issues, then fetches a batch at a time, sends it through
 * the mailer with `concurrency` messages in flight, and records each outcome as it comes.
 * Returns the counts of this run.
 */
export async function runDeliveries(db: Db, mailer: Mailer, options: WorkerOptions) {
  const { batch = 200, concurrency = 10, leaseSeconds = 120, hardFailureLimit = 3, maxMs = Infinity } = options;
  const settings = { ...defaultQueueSettings, ...options.queue };
  const boss = await queueOf(db, settings);
  const started = Date.now();
  const bodies = new Map<number, IssueBody>();
  const touched = new Set<number>();
  const counts = { sent: 0, failed: 0, retried: 0, skipped: 0 };
  await boss.expire();
  await enqueueIssues(db, boss);

  const body = async (issueId: number): Promise<IssueBody> => {
    const known = bodies.get(issueId);
    if (known) return known;
    const [row] = await db.select({ subject: newsletterIssues.subject, html: newsletterIssues.html, text: newsletterIssues.text }).from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
    const loaded = row ?? { subject: "", html: "", text: "" };
    bodies.set(issueId, loaded);
    return loaded;
  };

  /** Sends one claimed row and records it; says what becomes of its job. */
  const deliver = async (job: Claim, retryCount: number, retryLimit: number): Promise<{ done: true } | { done: false; response: string }> => {
    touched.add(job.issueId);
    if (!job.email || job.status !== "confirmed" || job.subscriberId === null) {
      // Left (or was suppressed) after the issue was queued.
      await db.execute(sql`update ${deliveries} set status = 'skipped', locked_until = null where id = ${job.id}`);
      counts.skipped++;
      options.onRecorded?.({ id: job.id, status: "skipped" });
      return { done: true };
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
      messageId: deliveryMessageId(job.id, options.links.siteUrl),
    });
    if (result.ok) {
      await db.execute(sql`
        with d as (
          update ${deliveries} set status = 'sent', sent_at = now(), locked_until = null, last_response = ${result.response.slice(0, 200)}
          where id = ${job.id} returning subscriber_id)
        update ${subscribers} set hard_failures = 0 where id = (select subscriber_id from d) and hard_failures > 0`);
      counts.sent++;
      options.onRecorded?.({ id: job.id, status: "sent" });
      return { done: true };
    }
    if (result.permanent || retryCount >= retryLimit) {
      await db.execute(sql`update ${deliveries} set status = 'failed', locked_until = null, last_response = ${result.response} where id = ${job.id}`);
      if (result.permanent) await recordHardFailure(db, job.subscriberId, job.email, hardFailureLimit);
      counts.failed++;
      options.onRecorded?.({ id: job.id, status: "failed" });
      return { done: true };
    }
    // Back to queued; pg-boss retries the job after its backoff (retryDelay × 2^n, plus up to
    // as much again of jitter), and the row shows the earliest it may come.
    await db.execute(sql`
      update ${deliveries} set status = 'queued', locked_until = null, last_response = ${result.response},
        next_attempt_at = now() + make_interval(secs => ${settings.retryDelay * 2 ** Math.min(16, retryCount)})
      where id = ${job.id}`);
    counts.retried++;
    options.onRecorded?.({ id: job.id, status: "queued" });
    return { done: false, response: result.response };
  };

  for (;;) {
    if (Date.now() - started > maxMs) break;
    const jobs = await boss.fetch<{ delivery: number }>(deliveryQueue, { batchSize: batch, includeMetadata: true });
    if (jobs.length === 0) break;
    const rowIds = jobs.map((j) => Number(j.data.delivery));
    const claimed = new Map((await claimRows(db, rowIds, leaseSeconds)).map((c) => [c.id, c]));
    const finished = await finishedRows(db, rowIds.filter((id) => !claimed.has(id)));
    const complete: string[] = [];
    const retryLater: { id: string; response: string }[] = [];
    const work: { job: (typeof jobs)[number]; row: Claim }[] = [];
    for (const job of jobs) {
      const row = claimed.get(Number(job.data.delivery));
      if (row) work.push({ job, row });
      // Done already: a second job for the row, or a retry of one whose worker died after
      // recording it.
      else if (finished.has(Number(job.data.delivery))) complete.push(job.id);
      // Held by a live worker: look again after the backoff.
      else retryLater.push({ id: job.id, response: "delivery held by another worker" });
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, work.length) }, async () => {
        while (next < work.length) {
          const { job, row } = work[next++]!;
          const outcome = await deliver(row, job.retryCount, job.retryLimit);
          if (outcome.done) complete.push(job.id);
          else retryLater.push({ id: job.id, response: outcome.response });
        }
      }),
    );
    if (complete.length > 0) await boss.complete(deliveryQueue, complete);
    for (const r of retryLater) await boss.fail(deliveryQueue, r.id, { response: r.response });
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
