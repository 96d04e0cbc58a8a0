// Playwright's web server: one production build per test run, a database made for the run,
// the seed, then scripts/server.mjs (as `npm start`). On SIGTERM it stops the server and removes the database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3200";
const databaseUrl = process.env.E2E_DATABASE_URL || undefined;
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");
// The production server `npm start` runs: Next.js's handler with a bounded SIGTERM drain.
const serverScript = path.join("scripts", "server.mjs");

function run(args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited with ${result.status}`);
}

async function adminQuery(query: string) {
  const url = new URL(databaseUrl!);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(query.replace("$NAME", `"${name}"`));
  } finally {
    await sql.end();
  }
}

const dataDir = databaseUrl ? undefined : mkdtempSync(path.join(tmpdir(), "gazette-e2e-"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: port,
  SITE_URL: `http://127.0.0.1:${port}`,
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  SEED_PASSWORD: process.env.E2E_SEED_PASSWORD,
  SEED_DEMO: "1",
  // The specs speak for many readers through X-Forwarded-For, as one proxy in front would.
  TRUSTED_PROXIES: "1",
  DATABASE_URL: databaseUrl ?? "",
  DATA_DIR: dataDir ?? "",
  // No test ever asks a real network: the social APIs point at a closed loopback port.
  SOCIAL_MASTODON_BASE_URL: "http://127.0.0.1:9",
  SOCIAL_BLUESKY_BASE_URL: "http://127.0.0.1:9",
  SOCIAL_YOUTUBE_BASE_URL: "http://127.0.0.1:9",
  SOCIAL_FACEBOOK_BASE_URL: "http://127.0.0.1:9",
  // the query counter and tag revalidation under /api/test/, for the cache tests
  GAZETTE_TEST_HOOKS: "1",
  // Reads from other specs must not move Most Read (and expire pages) under the cache test;
  // the readership spec revalidates `most-read` itself.
  MOST_READ_REFRESH_MINUTES: "1440",
  // no SMTP_URL: mail is written here, where e2e/newsletters.spec.ts reads it
  MAIL_OUTBOX_DIR: path.join(tmpdir(), `gazette-e2e-outbox-${process.env.E2E_RUN_ID}`),
};

let server: ChildProcess | undefined;
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    server.kill("SIGKILL");
  }
  if (databaseUrl) await adminQuery("drop database if exists $NAME with (force)").catch((e) => console.error(e));
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

try {
  if (!process.env.E2E_SKIP_BUILD) {
    // `next build` must never open the database: build with an embedded directory that must
    // still not exist afterwards.
    const probe = path.join(tmpdir(), `gazette-build-probe-${process.pid}`);
    run([nextBin, "build"], { ...env, DATABASE_URL: "", DATA_DIR: probe });
    if (existsSync(probe)) throw new Error(`next build opened the database (it created ${probe})`);
  }
  if (databaseUrl) await adminQuery("create database $NAME");
  run([path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/db-seed.ts"], env);
  run([path.join("node_modules", "tsx", "dist", "cli.mjs"), "e2e/support/seed-archive.ts"], env);
  server = spawn(process.execPath, [serverScript, "--port", port, "--hostname", "127.0.0.1"], { stdio: "inherit", env });
  server.on("exit", (code) => {
    if (!stopping) void stop(code ?? 1);
  });
} catch (error) {
  console.error(error);
  await stop(1);
}
