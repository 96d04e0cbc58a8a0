import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../test/redis-server";
import { startSmtpSink } from "../../test/smtp-sink";
import { expect, test } from "../fixtures";
import { migrateAndSeed, startInstance, stopInstance, type Instance } from "./instances";

/**
 * For a spec that reads the mail Gazette sends: a real SMTP server in the test process (the
 * smtp-server package) and an instance of the production build of its own that sends to it
 * (SMTP_URL), over an embedded database of its own, so nothing the spec does touches the rows
 * other specs count. Call at the top of a serial spec: it adds the beforeAll and afterAll.
 */
export function mailInstance(name: string) {
  let sink: Awaited<ReturnType<typeof startSmtpSink>> | undefined;
  let server: Instance | undefined;
  let dataDir = "";

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    sink = await startSmtpSink();
    dataDir = mkdtempSync(path.join(tmpdir(), `gazette-e2e-${name}-`));
    migrateAndSeed("", dataDir);
    server = await startInstance(name, await freePort(), {
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      MAIL_FROM: "Gazette <news@gazette.test>",
      TRUSTED_PROXIES: "1",
    });
  });

  test.afterAll(async () => {
    await stopInstance(server);
    await sink?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const to = (address: string) => sink!.to(address);
  return {
    /** the instance's base URL */
    get url() {
      return server!.url;
    },
    /** the subjects of every mail `address` has received, oldest first */
    subjectsTo: (address: string) => to(address).map((m) => m.mail?.subject ?? ""),
    /** The latest mail to `address` whose subject matches, once it has arrived, with its raw headers. */
    async mailTo(address: string, subject: RegExp, timeout = 30_000) {
      await expect.poll(() => to(address).filter((m) => subject.test(m.mail?.subject ?? "")).length, { timeout }).toBeGreaterThan(0);
      const message = to(address).filter((m) => subject.test(m.mail?.subject ?? "")).at(-1)!;
      const head = message.raw.toString("utf8").split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
      return { mail: message.mail!, header: (header: string) => new RegExp(`^${header}: (.*)$`, "im").exec(head)?.[1] };
    },
  };
}
