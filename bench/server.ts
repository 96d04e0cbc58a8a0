// The processes the benchmark drives: the app's production server, a raw node:http server
// as the ceiling, and nginx with the README's configuration in front of the app.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = process.cwd();
export const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

/** Builds when there is no build or a source changed after it (as `npm start` does). */
export function buildIfNeeded(log: (line: string) => void) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "db", "public", "next.config.mjs", "package-lock.json", "proxy.ts", "instrumentation.ts"];
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (built > 0 && !sources.some((s) => newestChange(path.join(root, s)) > built)) {
    log("Build is up to date.");
    return;
  }
  log(built === 0 ? "No build yet: building…" : "Sources changed since the last build: rebuilding…");
  // The build never opens the database; an embedded directory that must not exist proves it.
  const probe = path.join(tmpdir(), `gazette-bench-build-probe-${process.pid}`);
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "", DATA_DIR: probe, REDIS_URL: "" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  if (existsSync(probe)) throw new Error(`next build opened the database (it created ${probe})`);
}

export async function waitFor(url: string, ms: number, child?: ChildProcess) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

export async function startApp(port: number, env: Record<string, string>, logFile: string, nodeArgs: string[] = []): Promise<ChildProcess> {
  const { openSync } = await import("node:fs");
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "scripts", "server.mjs"), "--port", String(port), "--hostname", "127.0.0.1"], {
    // Demo content as asked for; the load generators send each reader's address in
    // X-Forwarded-For, as one proxy in front would.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), SEED_DEMO: "1", TRUSTED_PROXIES: "1", ...env, NODE_ENV: "production" },
    stdio: ["ignore", out, out],
  });
  await waitFor(`http://127.0.0.1:${port}/api/health`, 120_000, child);
  return child;
}

/** A node:http server answering every request with `body`: the most any Node server can do. */
export async function startRaw(port: number, bodyFile: string): Promise<ChildProcess> {
  const script = `
    const http = require("node:http");
    const body = require("node:fs").readFileSync(${JSON.stringify(bodyFile)});
    http.createServer((req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
      res.end(body);
    }).listen(${port}, "127.0.0.1");`;
  const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${port}/`, 10_000, child);
  return child;
}

export function hasNginx(): string | undefined {
  for (const candidate of ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/**
 * nginx with deploy/nginx.conf, the configuration the README documents, pointed at the
 * benchmark's ports and a temporary cache directory; nothing else about it changes.
 */
export async function startNginx(binary: string, listenPort: number, appPort: number, dir: string): Promise<ChildProcess> {
  mkdirSync(path.join(dir, "cache"), { recursive: true });
  const site = readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8")
    .replace(/server 127\.0\.0\.1:3000\b/, `server 127.0.0.1:${appPort}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${listenPort};`)
    .replace("/var/cache/nginx/gazette", path.join(dir, "cache"));
  if (!site.includes(`127.0.0.1:${appPort}`) || !site.includes(`127.0.0.1:${listenPort}`)) {
    throw new Error("deploy/nginx.conf no longer has the upstream and listen lines the benchmark adapts");
  }
  writeFileSync(path.join(dir, "gazette.conf"), site);
  writeFileSync(
    path.join(dir, "nginx.conf"),
    `user root;
worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/gazette.conf;
}
`,
  );
  const child = spawn(binary, ["-c", path.join(dir, "nginx.conf"), "-p", dir], { stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(`http://127.0.0.1:${listenPort}/api/health`, 10_000, child);
  return child;
}

export async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}
