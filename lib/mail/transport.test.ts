import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { describe, expect, it } from "vitest";
import { classifyError, createMailer, pacer } from "./transport";

describe("classifyError", () => {
  it("a 5xx from the relay is permanent, with the relay's words", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      responseCode: 550,
      response: "550 5.1.1 No such user",
      rejectedErrors: [Object.assign(new Error("Recipient command failed"), { responseCode: 550, response: "550 5.1.1 No such user" })],
    });
    expect(classifyError(error)).toEqual({ permanent: true, response: "550 5.1.1 No such user" });
  });

  it("a 4xx or a dropped connection is worth another try", () => {
    expect(classifyError(Object.assign(new Error("x"), { responseCode: 451, response: "451 4.7.1 Try later" })).permanent).toBe(false);
    expect(classifyError(Object.assign(new Error("Connection closed"), { code: "ECONNECTION" }))).toEqual({ permanent: false, response: "Connection closed" });
  });
});

describe("pacer", () => {
  it("starts no more than the rate allows: 20 a second spaces 5 starts at least 200 ms apart in all", async () => {
    const wait = pacer(20);
    const started = performance.now();
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, async () => {
      await wait();
      starts.push(performance.now() - started);
    }));
    starts.sort((a, b) => a - b);
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(195);
  });

  it("0 means no limit", async () => {
    const wait = pacer(0);
    await Promise.all(Array.from({ length: 100 }, () => wait()));
  });
});

describe("createMailer over SMTP", () => {
  async function sink() {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.server.address() as AddressInfo;
    return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  }

  it("sends through the pool on sockets it opens itself (Nagle off), many messages per connection", async () => {
    const relay = await sink();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${relay.port}`, from: "Gazette <news@test.test>", outboxDir: "/nonexistent", poolSize: 2 });
    try {
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => mailer.send({ to: `reader${i}@test.test`, subject: "Hello", html: "<p>Hi</p>", text: "Hi" })));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(relay.received.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `reader${i}@test.test`).sort());
    } finally {
      mailer.close();
      await relay.close();
    }
  });

  it("a relay that cannot be reached is a failure worth another try, with the reason", async () => {
    const relay = await sink();
    await relay.close();
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${relay.port}`, from: "Gazette <news@test.test>", outboxDir: "/nonexistent", poolSize: 1 });
    try {
      const result = await mailer.send({ to: "reader@test.test", subject: "Hello", html: "<p>Hi</p>", text: "Hi" });
      expect(result).toMatchObject({ ok: false, permanent: false });
      expect(!result.ok && result.response).toMatch(/ECONNREFUSED/);
    } finally {
      mailer.close();
    }
  });
});
