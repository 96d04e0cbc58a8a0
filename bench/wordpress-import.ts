// The WordPress import's bench row: throughput (items a second) and peak resident memory for a
// generated export. Run alone: `tsx bench/wordpress-import.ts [--posts 10000] [--comments 5]
// [--body 7000]`; bench/run.ts runs it too. The import runs in a child process of its own, so
// the peak memory is the importer's, not the bench's, and opens the database as
// `npm run import` does. An embedded database is created and migrated by an earlier child
// first: creating one (initdb) briefly takes far more memory than opening one, and an import
// goes into a site's existing database.
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { generateExport } from "./wordpress-export";

export type ImportFigures = {
  posts: number;
  comments: number;
  items: number;
  bytes: number;
  seconds: number;
  itemsPerSecond: number;
  postsPerSecond: number;
  /** the importing process's peak resident memory, whole (Node.js, the database if embedded, the import) */
  peakRssMb: number;
  /** its resident memory with the database open, before the import started */
  openRssMb: number;
  database: string;
};

/**
 * The Node.js flags `npm run import` runs with (package.json), so the child measured is the
 * process a newsroom runs: its heap cap (--max-old-space-size) is what keeps the resident
 * memory flat, since V8 otherwise lets garbage pile up to hundreds of megabytes before it
 * collects, with a live set of a few tens; a small young generation (--max-semi-space-size)
 * keeps about 40 MB more of garbage from piling up between scavenges, and one V8 worker thread
 * (--v8-pool-size=1) holds about 25 MB less than the default four. All the flags before the
 * script's name are taken.
 */
function importNodeFlags(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const words = scripts.import!.split(/\s+/).slice(1);
  return words.slice(0, words.findIndex((word) => !word.startsWith("--")));
}

/**
 * Imports a generated export of `posts` posts with `commentsPerPost` comments each, bodies of
 * about `bodyBytes`, into a fresh database. 10,000 posts with 5 comments and 7,000-byte bodies
 * make the 100 MB export the memory figure names.
 */
export async function measureImport({ posts, commentsPerPost, bodyBytes = 7000, databaseUrl }: { posts: number; commentsPerPost: number; bodyBytes?: number; databaseUrl?: string }): Promise<ImportFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gazette-wp-bench-"));
  try {
    const file = path.join(dir, "export.xml");
    await pipeline(generateExport({ posts, commentsPerPost, bodyBytes }), createWriteStream(file));
    const run = (mode: string) =>
      // Bundled as `npm run import` runs (scripts/run-bundled.mjs), not through tsx.
      promisify(execFile)(process.execPath, [...importNodeFlags(), path.join(import.meta.dirname, "..", "scripts", "run-bundled.mjs"), import.meta.filename, mode, file], {
        env: { ...process.env, DATA_DIR: path.join(dir, "data"), DATABASE_URL: databaseUrl ?? "", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0" },
        maxBuffer: 16 * 1024 * 1024,
      });
    await run("--prepare");
    const { stdout } = await run("--child");
    const child = JSON.parse(stdout.trim().split("\n").at(-1)!) as { items: number; comments: number; seconds: number; peakRssKb: number; openRssKb: number; database: string };
    return {
      posts,
      comments: child.comments,
      items: child.items + child.comments,
      bytes: statSync(file).size,
      seconds: child.seconds,
      // items: posts and the comments within them, each a row written
      itemsPerSecond: (child.items + child.comments) / child.seconds,
      postsPerSecond: posts / child.seconds,
      peakRssMb: child.peakRssKb / 1024,
      openRssMb: child.openRssKb / 1024,
      database: child.database,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function prepare() {
  const { openDatabase } = await import("../db/client");
  const { migrateServer } = await import("../scripts/db-setup");
  const database = await openDatabase();
  if (database.kind === "postgres") await migrateServer(process.env.DATABASE_URL!);
  await database.close();
}

async function child(file: string) {
  const { openDatabase } = await import("../db/client");
  const { importWordpress } = await import("../lib/wordpress/import");
  const database = await openDatabase(undefined, { smallMemory: true });
  const openRssKb = process.memoryUsage().rss / 1024;
  let peak = openRssKb;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 1024)), 50);
  const started = performance.now();
  const report = await importWordpress(database.primary, () => createReadStream(file), { ipSecret: process.env.AUTH_SECRET!, fetchImages: false });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await database.close();
  // The process's own high-water mark too, which no sample can miss.
  peak = Math.max(peak, process.resourceUsage().maxRSS);
  console.log(JSON.stringify({ items: report.items, comments: report.created.comments ?? 0, seconds, peakRssKb: peak, openRssKb, database: database.kind }));
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({
    options: { child: { type: "string" }, prepare: { type: "string" }, posts: { type: "string", default: "10000" }, comments: { type: "string", default: "5" }, body: { type: "string", default: "7000" } },
  });
  if (values.prepare) await prepare();
  else if (values.child) await child(values.child);
  else {
    // On PostgreSQL, into a database made for the run (never the server's own database).
    const server = process.env.BENCH_DATABASE_URL;
    const name = `gazette_bench_wp_${Date.now().toString(36)}`;
    const admin = server ? (await import("postgres")).default(server, { max: 1, onnotice: () => {} }) : undefined;
    await admin?.unsafe(`create database "${name}"`);
    try {
      const databaseUrl = server ? Object.assign(new URL(server), { pathname: `/${name}` }).toString() : undefined;
      console.log(await measureImport({ posts: Number(values.posts), commentsPerPost: Number(values.comments), bodyBytes: Number(values.body), databaseUrl }));
    } finally {
      await admin?.unsafe(`drop database if exists "${name}" with (force)`);
      await admin?.end();
    }
  }
}
