// The WordPress import's bench row: throughput (items a second) and peak resident memory for a
// generated export. Run alone: `tsx bench/wordpress-import.ts [--posts 10000] [--comments 5]`;
// bench/run.ts runs it too. The import runs in a child process of its own, so the peak memory
// is the importer's, not the bench's.
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { generateExport } from "./wordpress-export";

export type ImportFigures = { posts: number; comments: number; items: number; bytes: number; seconds: number; itemsPerSecond: number; peakRssMb: number; database: string };

/** Imports a generated export of `posts` posts with `commentsPerPost` comments each into a fresh database. */
export async function measureImport({ posts, commentsPerPost, databaseUrl }: { posts: number; commentsPerPost: number; databaseUrl?: string }): Promise<ImportFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gazette-wp-bench-"));
  try {
    const file = path.join(dir, "export.xml");
    await pipeline(generateExport({ posts, commentsPerPost }), createWriteStream(file));
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", import.meta.filename, "--child", file], {
      env: { ...process.env, DATA_DIR: path.join(dir, "data"), DATABASE_URL: databaseUrl ?? "", AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0" },
      maxBuffer: 16 * 1024 * 1024,
    });
    const child = JSON.parse(stdout.trim().split("\n").at(-1)!) as { items: number; comments: number; seconds: number; maxRssKb: number; database: string };
    return {
      posts,
      comments: child.comments,
      items: child.items + child.comments,
      bytes: statSync(file).size,
      seconds: child.seconds,
      // items: posts and the comments within them, each a row written
      itemsPerSecond: (child.items + child.comments) / child.seconds,
      peakRssMb: child.maxRssKb / 1024,
      database: child.database,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function child(file: string) {
  const { openDatabase } = await import("../db/client");
  const { migrateServer } = await import("../scripts/db-setup");
  const { importWordpress } = await import("../lib/wordpress/import");
  const database = await openDatabase();
  if (database.kind === "postgres") await migrateServer(process.env.DATABASE_URL!);
  const started = performance.now();
  const report = await importWordpress(database.primary, () => createReadStream(file), { ipSecret: process.env.AUTH_SECRET!, fetchImages: false });
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  console.log(JSON.stringify({ items: report.items, comments: report.created.comments ?? 0, seconds, maxRssKb: process.resourceUsage().maxRSS, database: database.kind }));
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { child: { type: "string" }, posts: { type: "string", default: "10000" }, comments: { type: "string", default: "5" } } });
  if (values.child) await child(values.child);
  else {
    const figures = await measureImport({ posts: Number(values.posts), commentsPerPost: Number(values.comments), databaseUrl: process.env.BENCH_DATABASE_URL });
    console.log(figures);
  }
}
