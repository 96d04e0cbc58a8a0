// `npm start`: build if the sources changed since the last build, migrate, seed an empty
// database, then serve (scripts/server.mjs). A second start reuses the build and the data.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const buildId = path.join(root, ".next", "BUILD_ID");
const sources = ["app", "components", "lib", "db", "public", "next.config.mjs", "package-lock.json", "proxy.ts", "instrumentation.ts", "auth.ts", "auth.config.ts"];

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newestChange(path.join(entry, name))), stat.mtimeMs);
}

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (built === 0 || sources.some((s) => newestChange(path.join(root, s)) > built)) {
  console.log(built === 0 ? "No build yet: building…" : "Sources changed since the last build: rebuilding…");
  run("npx", ["next", "build"], { ...process.env, NODE_ENV: "production" });
}
run("npx", ["tsx", "scripts/db-seed.ts"]);
const port = process.env.PORT || "3000";
// scripts/server.mjs rather than `next start`: it drains on SIGTERM within the grace period.
run(process.execPath, ["scripts/server.mjs", "--port", port, ...process.argv.slice(2)], { ...process.env, NODE_ENV: "production" });
