// Extra production instances for the scale-out spec: scripts/server.mjs (as `npm start`) from the build the e2e run
// already made (e2e/support/server.ts builds once per run), over a database and a Redis the
// spec owns.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";

const serverScript = path.join("scripts", "server.mjs");
const tsxCli = path.join("node_modules", "tsx", "dist", "cli.mjs");

export type Instance = { name: string; url: string; child: ChildProcess; output: () => string };

/**
 * Migrates and fills a database with the demo newsroom, as `npm start` does before serving: a
 * PostgreSQL database by its URL, or (with `dataDir`) an embedded one in that folder.
 */
export function migrateAndSeed(databaseUrl: string, dataDir?: string) {
  const result = spawnSync(process.execPath, [tsxCli, "scripts/db-seed.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir ?? process.env.DATA_DIR ?? "", SEED_PASSWORD: "scale-out-password", SEED_DEMO: "1", NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr || result.stdout}`);
}

export async function startInstance(name: string, port: number, env: Record<string, string>): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [serverScript, "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      SITE_URL: url,
      AUTH_SECRET: "scale-out-secret-scale-out-secret-scale-out",
      DATABASE_REPLICA_URLS: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance ${name} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { name, url, child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`instance ${name} did not answer on ${url}:\n${output}`);
}

export async function stopInstance(instance: Instance | undefined) {
  const child = instance?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

export async function health(instance: Instance): Promise<{ status: string; cache?: { redis?: string } }> {
  const res = await fetch(`${instance.url}/api/health`);
  return (await res.json()) as { status: string; cache?: { redis?: string } };
}
