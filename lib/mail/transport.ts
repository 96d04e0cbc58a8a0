import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";

// The one way Gazette sends mail: newsletters now, reply alerts later. Any SMTP relay a newsroom
// already has (Postfix, SES, Mailgun, Postmark) works; without one, every message is written as
// an .eml file under DATA_DIR/outbox/ so that nothing is silently dropped.

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** List-Unsubscribe and the like (lib/mail/headers.ts) */
  headers?: Record<string, string>;
  /** the same on every attempt at one delivery; nodemailer makes a fresh one without it */
  messageId?: string;
};

export type SendResult =
  | { ok: true; response: string }
  /** permanent: the relay answered 5xx, so trying again would only be refused again */
  | { ok: false; permanent: boolean; response: string };

export type Mailer = {
  kind: "smtp" | "outbox";
  /** where mail goes, for the admin page: the relay's host, or the outbox folder */
  destination: string;
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
};

export type MailerConfig = {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
  poolSize?: number;
  /** messages a second across the pool; 0: as fast as the relay takes them */
  ratePerSecond?: number;
};

type SmtpError = Error & { responseCode?: number; response?: string; rejectedErrors?: SmtpError[]; code?: string };

/** What the relay said, and whether it was a permanent refusal (5xx). */
export function classifyError(error: unknown): { permanent: boolean; response: string } {
  const e = error as SmtpError;
  const first = e.rejectedErrors?.[0] ?? e;
  const code = first.responseCode ?? e.responseCode;
  const response = (first.response ?? e.response ?? e.message ?? String(error)).slice(0, 500);
  return { permanent: typeof code === "number" && code >= 500 && code < 600, response };
}

/** Spaces sends out so that no more than `perSecond` start in any second, across callers. */
export function pacer(perSecond: number): () => Promise<void> {
  if (perSecond <= 0) return async () => {};
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, next);
    next = slot + gap;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens the TCP connection to the relay with Nagle's algorithm off. An SMTP conversation is a
 * volley of short commands each waiting for its answer, and with Nagle on, the short write
 * that ends a message waits for the relay's delayed acknowledgement (up to 40 ms on Linux):
 * that alone held a pooled connection to about a dozen messages a second. nodemailer offers no
 * option for it, but takes a connected socket through `getSocket` (as it does for proxies) and
 * runs TLS (smtps, STARTTLS) over it itself.
 */
function connectWithoutDelay(options: { host?: string; port?: number; connectionTimeout?: number }, callback: SocketCallback) {
  const socket = net.connect({ host: options.host, port: options.port!, noDelay: true });
  const timeout = options.connectionTimeout ?? 15_000;
  const timer = setTimeout(() => socket.destroy(Object.assign(new Error(`Connection timeout after ${timeout} ms`), { code: "ETIMEDOUT" })), timeout);
  const failed = (error: Error) => {
    clearTimeout(timer);
    callback(error);
  };
  socket.once("error", failed);
  socket.once("connect", () => {
    clearTimeout(timer);
    socket.off("error", failed);
    callback(null, { connection: socket });
  });
}

function smtpOptions(url: string, poolSize: number): SMTPPool.Options {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    pool: true,
    host: u.hostname,
    port: u.port ? Number(u.port) : secure ? 465 : 587,
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    maxConnections: poolSize,
    // Relays close long-lived sessions on their own; a fresh connection every so often is cheap.
    maxMessages: 500,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    getSocket: connectWithoutDelay as SMTPPool.Options["getSocket"],
  };
}

export function createMailer(config: MailerConfig): Mailer {
  const wait = pacer(config.ratePerSecond ?? 0);
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(smtpOptions(config.smtpUrl, config.poolSize ?? 5));
    const host = new URL(config.smtpUrl).host;
    return {
      kind: "smtp",
      destination: host,
      async send(mail) {
        await wait();
        try {
          const info = await transport.sendMail({ from: config.from, ...mail });
          return { ok: true, response: info.response };
        } catch (error) {
          return { ok: false, ...classifyError(error) };
        }
      },
      close: () => transport.close(),
    };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    kind: "outbox",
    destination: config.outboxDir,
    async send(mail) {
      await wait();
      const info = await writer.sendMail({ from: config.from, ...mail });
      mkdirSync(config.outboxDir, { recursive: true });
      const file = path.join(config.outboxDir, `${Date.now()}-${randomBytes(6).toString("hex")}.eml`);
      writeFileSync(file, info.message as Buffer);
      return { ok: true, response: `written to ${file}` };
    },
    close: () => {},
  };
}
