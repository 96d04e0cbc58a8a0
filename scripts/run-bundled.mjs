// `node [flags] scripts/run-bundled.mjs ENTRY.ts [args…]`: runs a TypeScript command as one
// esbuild bundle on plain Node.js instead of through tsx. For a command whose resident memory
// counts (`npm run import`): tsx's loader and the hundreds of modules it compiles one by one
// cost about 40 MB more than the same code bundled (measured on the WordPress import; README).
// The bundle is built afresh on every run (about a second), so it always is the code as it
// stands, into a directory of this process's own that is removed when it exits.
// Dynamic imports stay separate chunks, loaded when reached (sharp, the PostgreSQL setup).
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("Usage: node scripts/run-bundled.mjs ENTRY.ts [args…]");
  process.exit(2);
}
const root = path.dirname(import.meta.dirname);
const cache = path.join(root, "node_modules", ".cache", "gazette");
mkdirSync(cache, { recursive: true });
// A run ended by a signal leaves its bundle behind: removed by a later run once that process is gone.
for (const name of readdirSync(cache)) {
  const pid = /^run-.+-(\d+)$/.exec(name)?.[1];
  if (pid && !alive(Number(pid))) rmSync(path.join(cache, name), { recursive: true, force: true });
}
const outdir = path.join(cache, `run-${path.basename(entry, path.extname(entry))}-${process.pid}`);
process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
try {
  await build({
    entryPoints: { main: path.resolve(entry) },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: path.join(root, "tsconfig.json"),
    // PGlite finds its WebAssembly and data files next to its own module; sharp is native.
    external: ["@electric-sql/pglite", "sharp"],
    // The CommonJS packages bundled in (turndown's DOM among them) require Node.js's modules.
    banner: { js: 'import { createRequire as gazetteCreateRequire } from "node:module"; const require = gazetteCreateRequire(import.meta.url);' },
    logLevel: "warning",
  });
} finally {
  // esbuild's build service is a process of its own: ended before the command runs.
  await stop();
}
const main = path.join(outdir, "main.mjs");
process.argv = [process.argv[0], main, ...args];
await import(pathToFileURL(main).href);

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
