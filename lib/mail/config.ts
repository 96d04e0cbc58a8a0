import "server-only";
import { authSecret, env } from "@/lib/env";
import { createMailer, type Mailer } from "./transport";

/** MAIL_FROM, or a no-reply address at the site's own host. */
export function mailFrom(): string {
  const e = env();
  return e.MAIL_FROM ?? `Gazette <no-reply@${new URL(e.SITE_URL).hostname}>`;
}

export function outboxDir(): string {
  // A template, not path.join: Turbopack would trace the whole project through a dynamic join.
  return env().MAIL_OUTBOX_DIR ?? `${env().dataDir}/outbox`;
}

export function mailSecret(): string {
  return authSecret();
}

const key = Symbol.for("gazette.mailer");
type WithMailer = typeof globalThis & { [key]?: Mailer };

/** The process's mailer: one SMTP pool shared by every sender. */
export function mailer(): Mailer {
  const store = globalThis as WithMailer;
  if (!store[key]) {
    const e = env();
    store[key] = createMailer({
      smtpUrl: e.SMTP_URL,
      from: mailFrom(),
      outboxDir: outboxDir(),
      poolSize: e.MAIL_POOL_SIZE,
      ratePerSecond: e.MAIL_RATE_PER_SECOND,
    });
  }
  return store[key];
}
