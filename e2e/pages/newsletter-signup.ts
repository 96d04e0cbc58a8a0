import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";

/** The newsletter signup box of a reader page, found by role and label. */
export class NewsletterSignup {
  readonly region: Locator;
  readonly email: Locator;
  readonly subscribe: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole("region", { name: "Newsletters" });
    this.email = this.region.getByLabel("Email");
    this.subscribe = this.region.getByRole("button", { name: "Subscribe" });
    this.status = this.region.getByRole("status");
  }

  list(name: string): Locator {
    return this.region.getByRole("checkbox", { name: new RegExp(`^${name}`) });
  }
}

/** The server writes mail here when no SMTP_URL is set (e2e/support/server.ts). */
const outbox = () => path.join(tmpdir(), `gazette-e2e-outbox-${process.env.E2E_RUN_ID}`);

/** The .eml files the server wrote for `address`, parsed, with their raw headers. */
export async function mailTo(address: string): Promise<{ mail: ParsedMail; raw: string }[]> {
  let files: string[];
  try {
    files = readdirSync(outbox()).filter((f) => f.endsWith(".eml"));
  } catch {
    return [];
  }
  const found = [];
  for (const file of files.sort()) {
    const raw = readFileSync(path.join(outbox(), file), "utf8");
    if (!raw.includes(address)) continue;
    found.push({ mail: await simpleParser(raw), raw });
  }
  return found;
}

/** Waits for the first email to `address` and returns it. */
export async function firstMailTo(address: string) {
  await expect.poll(async () => (await mailTo(address)).length, { timeout: 20_000 }).toBeGreaterThan(0);
  return (await mailTo(address))[0]!;
}

export function header(raw: string, name: string): string | undefined {
  const head = raw.split("\r\n\r\n")[0]!.replace(/\r\n[ \t]+/g, " ");
  return new RegExp(`^${name}: (.*)$`, "im").exec(head)?.[1];
}
