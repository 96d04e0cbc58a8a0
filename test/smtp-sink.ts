import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./redis-server";

// A real SMTP server in the test process (the smtp-server package): nodemailer talks the whole
// protocol to it, and a test reads what a relay would have accepted.

export type Received = { from: string; to: string[]; raw: Buffer; mail?: ParsedMail };

export type SinkOptions = {
  /** answer RCPT TO with this (e.g. { code: 550, message: "No such user" }) instead of 250 */
  refuse?: (address: string) => { code: number; message: string } | null;
  /** parse each message (mailparser); the bench only counts */
  parse?: boolean;
  /** awaited before a message is acknowledged: until it resolves the sender has no 250 */
  beforeAccept?: (message: Received) => Promise<void> | void;
};

export async function startSmtpSink(options: SinkOptions = {}) {
  const received: Received[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const notify = () => {
    for (const w of [...waiters]) {
      if (received.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 10 * 1024 * 1024,
    maxClients: 100,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (refusal) {
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const message: Received = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        try {
          if (options.parse !== false) message.mail = await simpleParser(message.raw);
          await options.beforeAccept?.(message);
        } catch (error) {
          return callback(error as Error);
        }
        received.push(message);
        callback();
        notify();
      });
    },
  });
  // A sender killed mid-message (the kill -9 tests) resets its connections: a relay logs that
  // and goes on serving the others, where an unheard 'error' event would throw in the test
  // process. Anything else is kept for the test to see.
  const errors: Error[] = [];
  server.on("error", (error: Error & { code?: string }) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") errors.push(error);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** the server's errors other than a peer's reset connection */
    errors,
    /** resolves once `count` messages have been accepted in all */
    waitFor(count: number, timeoutMs = 30_000): Promise<void> {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} messages arrived`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
    to(address: string) {
      return received.filter((m) => m.to.includes(address));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
