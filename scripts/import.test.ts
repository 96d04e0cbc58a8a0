import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openEmbedded } from "@/db/client";
import * as t from "@/db/schema";

// `npm run import` as the README gives it, on the embedded database: the command runs as an
// esbuild bundle on plain Node.js (scripts/run-bundled.mjs), so this is the one test that the
// bundle builds and runs, and that its exit codes are as documented.
const run = promisify(execFile);
const dataDir = mkdtempSync(path.join(tmpdir(), "gazette-import-command-"));
const fixture = (name: string) => path.join(process.cwd(), "lib", "wordpress", "fixtures", name);

async function importCommand(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, AUTH_SECRET: "an-import-test-secret-long-enough-to-use" };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "import", "--", ...args], { env, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function importedRows() {
  const database = await openEmbedded(dataDir);
  try {
    const [articles] = await database.primary.select({ n: count() }).from(t.articles);
    const [ids] = await database.primary.select({ n: count() }).from(t.wordpressIds);
    return { articles: Number(articles!.n), wordpressIds: Number(ids!.n) };
  } finally {
    await database.close();
  }
}

describe("npm run import", () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("shows its usage and exits 2 without a file", async () => {
    const { code, stderr } = await importCommand();
    expect(code).toBe(2);
    expect(stderr).toContain("Usage: npm run import -- wordpress FILE.xml");
  });

  it("refuses a malformed export, naming the line, and writes nothing", async () => {
    const { code, stderr } = await importCommand("wordpress", fixture("malformed.xml"), "--no-images");
    expect(code).toBe(1);
    expect(stderr).toMatch(/line \d+/);
    expect(stderr).toContain("Nothing was imported.");
    expect(await importedRows()).toEqual({ articles: 0, wordpressIds: 0 });
  });

  it("reports a dry run and writes nothing, then imports, and a second run changes nothing", async () => {
    const dry = await importCommand("wordpress", fixture("site-1.2.xml"), "--dry-run", "--no-images");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run/i);
    expect(await importedRows()).toEqual({ articles: 0, wordpressIds: 0 });

    const real = await importCommand("wordpress", fixture("site-1.2.xml"), "--no-images");
    expect(real.code).toBe(0);
    const after = await importedRows();
    expect(after.articles).toBeGreaterThan(0);
    expect(after.wordpressIds).toBeGreaterThan(after.articles);

    expect((await importCommand("wordpress", fixture("site-1.2.xml"), "--no-images")).code).toBe(0);
    expect(await importedRows()).toEqual(after);
  });
});
