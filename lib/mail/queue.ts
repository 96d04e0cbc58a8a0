import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { mailQueue } from "@/db/schema";
import { renderTemplate, type MailTemplate } from "./templates";
import type { Mailer, OutgoingMail } from "./transport";

// Single messages (a confirmation link, a reply alert) go through this table so that the
// request asking for one never waits on the relay, and a relay that is down delays mail rather
// than losing it. A message may be queued with a template instead of its HTML (./templates.ts):
// the pass that sends it renders the HTML first. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of instances can
// drain the queue and none sends a row another has claimed.

const maxAttempts = 6;
const leaseSeconds = 120;

/** Minutes before retry n (1-based): 1, 4, 16, 64, 256. */
export function backoffMinutes(attempt: number): number {
  return Math.min(4 ** (attempt - 1), 24 * 60);
}

/** A message for the queue: its HTML, or the template the mail pass renders it from. */
type QueuedMail = Omit<OutgoingMail, "html" | "messageId"> & ({ html: string } | { template: MailTemplate });

export async function enqueueMail(db: Db, mail: QueuedMail): Promise<void> {
  const body = "template" in mail ? { html: "", template: mail.template } : { html: mail.html };
  await db.insert(mailQueue).values({ to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ?? {}, ...body });
}

type Claimed = {
  id: number;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  template: MailTemplate | null;
  attempts: number;
};

async function claim(db: Db, limit: number): Promise<Claimed[]> {
  return rowsOf<Claimed>(
    await db.execute(sql`
      update ${mailQueue} q set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = q.attempts + 1
      where q.id in (
        select id from ${mailQueue}
        where status = 'queued' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by next_attempt_at, id limit ${limit}
        for update skip locked)
      returning q.id, q."to", q.subject, q.html, q.text, q.headers, q.template, q.attempts`),
  ).map((r) => ({
    ...r,
    id: Number(r.id),
    attempts: Number(r.attempts),
    // A driver may hand jsonb back as text.
    template: typeof r.template === "string" ? (JSON.parse(r.template) as MailTemplate) : r.template,
  }));
}

/**
 * Sends what is due, a batch at a time, until nothing is; returns how many were accepted.
 * A temporary refusal (4xx, a dropped connection) is retried with backoff; a permanent one
 * (5xx), or the last retry, marks the row failed with the relay's reply. A row queued with a
 * template gets its HTML rendered here, outside the transaction that queued it.
 */
export async function drainMailQueue(db: Db, mailer: Mailer, batch = 20): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const rows = await claim(db, batch);
    if (rows.length === 0) return { sent, failed };
    for (const row of rows) {
      let html = row.html;
      if (row.template) {
        try {
          html = await renderTemplate(row.template);
        } catch (error) {
          // Rendering the same props again would fail the same way.
          await db.execute(sql`update ${mailQueue} set status = 'failed', last_response = ${`render: ${String(error)}`}, locked_until = null where id = ${row.id}`);
          failed++;
          continue;
        }
      }
      const result = await mailer.send({ to: row.to, subject: row.subject, html, text: row.text, headers: row.headers });
      if (result.ok) {
        await db.execute(sql`delete from ${mailQueue} where id = ${row.id}`);
        sent++;
      } else if (result.permanent || row.attempts >= maxAttempts) {
        await db.execute(sql`update ${mailQueue} set status = 'failed', last_response = ${result.response}, locked_until = null where id = ${row.id}`);
        failed++;
      } else {
        await db.execute(sql`
          update ${mailQueue} set last_response = ${result.response}, locked_until = null,
            next_attempt_at = now() + make_interval(mins => ${backoffMinutes(row.attempts)})
          where id = ${row.id}`);
      }
    }
  }
}
