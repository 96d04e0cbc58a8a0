// `npm run bench`: the performance benchmark of issue 7. See README, "Benchmark".
//
//   npm run bench                        10,000 articles, 10 s rounds, 2 passes
//   npm run bench -- --articles 100000   a bigger newsroom
//   npm run bench -- --quick             a smoke run: 300 articles, 2 s rounds, 1 pass
//   npm run bench -- --profile           also write the server's V8 CPU profile (--cpu-prof)
//   npm run bench -- --newsletters 100000  only the newsletter row: one issue to that many subscribers
//   npm run bench -- --only l            only row (l): 5,000 distinct pages, peak resident memory
//   npm run bench -- --rows c,n,o,p      only these rows (and (a), the ceiling the table divides by)
//
// It builds if needed, seeds a database of its own (embedded in a temp folder, or a fresh
// database on the PostgreSQL server of BENCH_DATABASE_URL, else TEST_DATABASE_URL), starts
// the production server and drives it with autocannon. Every row runs once per pass, in
// turn, so the ratios compare figures from the same minutes of the same machine.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openEmbedded, openPostgres, rowsOf, type Database } from "../db/client";
import { migrateServer } from "../scripts/db-setup";
import { commentPost, type Article } from "./comment-post";
import { busyComments, makeBusyStory } from "./busy-story";
import { asRound, measureFirstRenders, seedBusyArticles, type BusyArticles } from "./comment-threads";
import { cpuMs, drive, firstLoadJs, percentile } from "./measure";
import { fmt, mean, renderReport, summarize, type Row } from "./report";
import { annotateReadership, readershipRounds, readershipTargets } from "./readership";
import { seedBenchmark } from "./seed";
import { measureImport } from "./wordpress-import";
import { buildIfNeeded, hasNginx, startApp, startNginx, startRaw, stop } from "./server";
import { memoryRow } from "./memory";

const { values: args } = parseArgs({
  options: {
    articles: { type: "string" },
    quick: { type: "boolean", default: false },
    seconds: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "50" },
    port: { type: "string", default: "3401" },
    keep: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    /** only the newsletter row (bench/newsletter-send.ts): one issue to this many subscribers */
    newsletters: { type: "string" },
    /** only row (l): distinct pages and peak resident memory */
    only: { type: "string" },
    /** only these rows, comma-separated ids; (a) always runs */
    rows: { type: "string" },
  },
});
const quick = args.quick!;
if (args.only !== undefined && args.only !== "l") throw new Error(`--only ${args.only}: only row l can run alone (the newsletter row has --newsletters)`);
const memoryOnly = args.only === "l";
const memoryPages = quick ? 1000 : 5000;
const articleCount = Number(args.articles ?? (quick ? 300 : 10_000));
const seconds = Number(args.seconds ?? (quick ? 2 : 10));
const passes = Number(args.rounds ?? (quick ? 1 : 2));
const connections = Number(args.connections);
const appPort = Number(args.port);
const rawPort = appPort + 1;
const nginxPort = appPort + 2;
const cachedSlugs = quick ? 50 : 1000;
const freshSlugs = quick ? 10 : 50;
const rowsAsked = args.rows ? new Set(args.rows.split(",").map((id) => id.trim())) : null;
/** Whether a row runs this time (`--rows`); the ceiling (a) always does. */
const wanted = (id: string) => !rowsAsked || id === "a" || rowsAsked.has(id);
const commonWords = ["government", "city", "water", "market", "council", "research", "workers", "river"];

const log = (line: string) => console.log(line);
const work = mkdtempSync(path.join(os.tmpdir(), "gazette-bench-"));
const children: ChildProcess[] = [];
let dropDatabase: (() => Promise<void>) | undefined;

async function cleanup() {
  for (const child of children.reverse()) await stop(child);
  if (dropDatabase && !args.keep) await dropDatabase().catch((e) => console.error(e));
  rmSync(work, { recursive: true, force: true });
}
process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));

async function prepareDatabase(): Promise<{ env: Record<string, string>; kind: "embedded" | "postgres"; picked: Picked; busy: BusyArticles }> {
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  let database: Database;
  let env: Record<string, string>;
  if (server) {
    const name = `gazette_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    dropDatabase = async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
    await migrateServer(url.toString());
    database = await openPostgres(url.toString(), [], 4);
    env = { DATABASE_URL: url.toString(), DATA_DIR: path.join(work, "data") };
    log(`Database: PostgreSQL, a fresh database ${name} (dropped afterwards${args.keep ? "; --keep: kept" : ""}).`);
  } else {
    const dataDir = path.join(work, "data");
    database = await openEmbedded(dataDir);
    env = { DATABASE_URL: "", DATA_DIR: dataDir };
    log(`Database: embedded PGlite in ${dataDir} (set BENCH_DATABASE_URL for PostgreSQL).`);
  }
  try {
    log(`Seeding ${articleCount.toLocaleString("en-US")} articles…`);
    const seeded = await seedBenchmark(database.primary, articleCount, log);
    log(`Seeded ${seeded.articles.toLocaleString("en-US")} articles and ${seeded.comments.toLocaleString("en-US")} comments in ${seeded.seconds.toFixed(1)} s.`);
    const picked = await pickArticles(database.primary);
    if (memoryOnly) return { env, kind: database.kind, picked, busy: { few: [], many: [] } };
    if (picked.cached[1]) await makeBusyStory(database.primary, picked.cached[1]);
    const busy = await seedBusyArticles(database.primary, quick ? 3 : 7);
    return { env, kind: database.kind, picked, busy };
  } finally {
    await database.close();
  }
}

type Picked = { cached: Article[]; fresh: Article[]; section: string };

/** A fixed pseudo-random choice of articles, so that runs of one size read the same pages. */
async function pickArticles(db: Database["primary"]): Promise<Picked> {
  const rows = rowsOf<Article>(
    await db.execute(sql`
      select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
      where a.status = 'published' and a.published_at <= now()
      order by md5(a.id::text) limit ${cachedSlugs + freshSlugs}`),
  );
  const [busiest] = rowsOf<{ slug: string }>(
    await db.execute(sql`
      select s.slug from sections s join articles a on a.section_id = s.id and a.status = 'published'
      group by s.slug order by count(*) desc limit 1`),
  );
  // A small newsroom lends its first-render articles from the cached set's share.
  const fresh = Math.min(freshSlugs, Math.floor(rows.length / 2));
  return { cached: rows.slice(0, Math.min(cachedSlugs, rows.length - fresh)), fresh: rows.slice(rows.length - fresh), section: busiest!.slug };
}

async function get(url: string) {
  const res = await fetch(url);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/** `--only l`: row (l) alone, on a server nothing else has asked anything yet. */
async function benchMemoryOnly(base: string, appPid: number, startedAt: Date, kind: "embedded" | "postgres") {
  const { row, target } = await memoryRow(base, appPid, memoryPages);
  summarize(row);
  console.log(`\n| row | what | pages/s | p50 ms | p99 ms |\n| --- | --- | ---: | ---: | ---: |\n| l | ${row.label} (${row.note}) | ${fmt(row.rps, 1)} | ${fmt(row.p50, 1)} | ${fmt(row.p99, 1)} |`);
  console.log(`\nTarget (this run, ${articleCount.toLocaleString("en-US")} articles, ${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}):`);
  console.log(`  ${target.ok ? "met   " : "MISSED"}  ${target.what}: ${target.detail}`);
  const results = path.join(process.cwd(), "bench", "results");
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `${startedAt.toISOString().replace(/[:.]/g, "-")}-${articleCount}-memory.json`);
  writeFileSync(file, JSON.stringify({ date: startedAt.toISOString(), articles: articleCount, database: kind, only: "l", quick, loadAverage: os.loadavg(), rows: [row], targets: [target] }, null, 2));
  console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
  if (!target.ok) process.exitCode = 1;
}

async function main() {
  if (args.newsletters) {
    await (await import("./newsletter-send")).benchNewsletterSend(Number(args.newsletters), log, { port: appPort, connections: process.argv.includes("--connections") ? connections : 10 });
    return;
  }
  const startedAt = new Date();
  const profileDir = path.join(process.cwd(), "bench", "results", `profile-${startedAt.toISOString().replace(/[:.]/g, "-")}`);
  buildIfNeeded(log);
  const { env, kind, picked, busy } = await prepareDatabase();
  const base = `http://127.0.0.1:${appPort}`;
  const redisUrl = process.env.BENCH_REDIS_URL;
  const app = await startApp(
    appPort,
    {
      ...env,
      SITE_URL: base,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0000",
      REDIS_URL: redisUrl ?? "",
      DATABASE_REPLICA_URLS: "",
      // rows (n) and (o) read the statement counter and the beacon's outcomes
      GAZETTE_TEST_HOOKS: "1",
    },
    path.join(work, "server.log"),
    args.profile ? [`--cpu-prof`, `--cpu-prof-dir=${profileDir}`] : [],
  );
  children.push(app);
  const appPid = app.pid!;
  log(`Server: ${base} (pid ${appPid})${redisUrl ? `, cache shared through ${redisUrl}` : ""}.`);
  if (memoryOnly) {
    await benchMemoryOnly(base, appPid, startedAt, kind);
    return;
  }

  // --- warm-up: render every cached page once, and check what each row will request ----
  const ceilingArticle = picked.cached[0]!;
  const warmStarted = Date.now();
  const queue = [...picked.cached];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        const res = await fetch(`${base}/${a.section}/${a.slug}`);
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`/${a.section}/${a.slug} answered ${res.status}`);
      }
    }),
  );
  log(`Warm-up: ${picked.cached.length} article pages rendered in ${((Date.now() - warmStarted) / 1000).toFixed(1)} s.`);

  const article = await get(`${base}/${ceilingArticle.section}/${ceilingArticle.slug}`);
  const articleFile = path.join(work, "article.html");
  writeFileSync(articleFile, article.body);
  const js = await firstLoadJs(base, article.body);
  const actionId = article.body.match(/name="\$ACTION_1:0" value="\{&quot;id&quot;:&quot;([0-9a-f]+)&quot;/)?.[1];

  const rows: Row[] = [];
  const row = (id: string, label: string) => {
    const r: Row = { id, label, rounds: [] };
    if (!wanted(id)) r.skipped = "not in --rows";
    rows.push(r);
    return r;
  };
  const loads = new Map<Row, Parameters<typeof drive>[0]>();
  const random = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;

  const raw = await startRaw(rawPort, articleFile);
  children.push(raw);
  const a = row("a", "raw node:http, one article's bytes (ceiling)");
  loads.set(a, { url: `http://127.0.0.1:${rawPort}/`, connections, seconds, cpuOf: [raw.pid!] });

  const b = row("b", "static page of the app (/_not-found, prerendered)");
  await get(`${base}/_not-found`);
  loads.set(b, { url: `${base}/_not-found`, connections, seconds, cpuOf: [appPid] });
  b.note = "the app's one page prerendered at build; answered 404 by design";

  const c = row("c", `cached article, random among ${picked.cached.length.toLocaleString("en-US")}`);
  const randomArticlePath = () => {
    const x = random(picked.cached);
    return `/${x.section}/${x.slug}`;
  };
  loads.set(c, { url: base, connections, seconds, nextPath: randomArticlePath, cpuOf: [appPid] });

  const d = row("d", "home");
  await get(`${base}/`);
  loads.set(d, { url: `${base}/`, connections, seconds, cpuOf: [appPid] });

  const e = row("e", `section front, page 3 (/${picked.section}?page=3)`);
  const page3 = await get(`${base}/${picked.section}?page=3`);
  const page1 = await get(`${base}/${picked.section}`);
  if (page3.status !== 200) e.skipped = `/${picked.section}?page=3 answered ${page3.status}`;
  else if (page3.body === page1.body) e.note = "no pagination yet (issue 3): ?page=3 shows page 1";
  loads.set(e, { url: `${base}/${picked.section}?page=3`, connections, seconds, cpuOf: [appPid] });

  const f = row("f", `search, common words (${commonWords.length})`);
  const probe = await get(`${base}/search?q=${commonWords[0]}`);
  if (probe.status !== 200) f.skipped = `/search answered ${probe.status}: no search page yet (issue 3)`;
  loads.set(f, { url: base, connections, seconds, nextPath: () => `/search?q=${encodeURIComponent(random(commonWords))}`, cpuOf: [appPid] });

  const g = row("g", "comment post (server action, held for moderation)");
  if (g.skipped) {
    // not asked for
  } else if (kind !== "postgres") g.skipped = "needs PostgreSQL: set BENCH_DATABASE_URL or TEST_DATABASE_URL";
  else if (!actionId) g.skipped = "no comment form action found on the article page";
  else {
    const sample = commentPost(actionId, ceilingArticle, base);
    const res = await fetch(base + sample.path, { method: "POST", headers: sample.headers, body: sample.body });
    const text = await res.text();
    if (!text.includes("awaiting moderation")) g.skipped = `a test post was not accepted (${res.status}): ${text.slice(0, 200)}`;
    loads.set(g, { url: base, connections, seconds, method: "POST", nextRequest: () => commentPost(actionId, random(picked.cached), base), cpuOf: [appPid] });
  }

  const k = row("k", `comment post on an article with ${busyComments.count} recent ${busyComments.length.toLocaleString("en-US")}-character comments`);
  const busyStory = picked.cached[1];
  if (k.skipped) {
    // not asked for
  } else if (g.skipped || !actionId || !busyStory) k.skipped = g.skipped ?? "no comment form action or busy article";
  else loads.set(k, { url: base, connections, seconds, method: "POST", nextRequest: () => commentPost(actionId, busyStory, base), cpuOf: [appPid] });

  const h = row("h", `first render of an article (median of ${picked.fresh.length})`);

  const i = row("i", "same article as (a) through nginx (deploy/nginx.conf)");
  const nginxBinary = hasNginx();
  if (i.skipped) {
    // not asked for
  } else if (!nginxBinary) i.skipped = "nginx is not installed (apt-get install nginx)";
  else {
    const nginx = await startNginx(nginxBinary, nginxPort, appPort, path.join(work, "nginx"));
    children.push(nginx);
    const through = await get(`http://127.0.0.1:${nginxPort}/${ceilingArticle.section}/${ceilingArticle.slug}`);
    await get(`http://127.0.0.1:${nginxPort}/${ceilingArticle.section}/${ceilingArticle.slug}`);
    if (through.status !== 200) i.skipped = `nginx answered ${through.status}`;
    loads.set(i, {
      url: `http://127.0.0.1:${nginxPort}/${ceilingArticle.section}/${ceilingArticle.slug}`,
      connections,
      seconds,
      cpuOf: [nginx.pid!, appPid],
    });
    i.note = "CPU: nginx and the app together";
  }

  const j = row("j", `first search for a query, not yet cached (${commonWords.length * 5}: pages 2–6 of each common word)`);

  const reads = readershipRounds(base, () => random(picked.cached), connections, seconds, appPid);
  const beacon = row("n", "read beacon (POST /api/read), counted in memory");
  const viewed = row("o", "cached article, then its beacon, per view as a browser does");
  const floor = row("p", "bare Next.js route handler (/robots.txt), what (n) would cost at least through Next.js");
  const custom = new Map([[beacon, reads.beacons], [viewed, reads.views], [floor, reads.floor]]);

  // --- the rounds -----------------------------------------------------------------------
  const ordered = [a, b, c, d, e, f, g, k, i, beacon, viewed, floor].filter((r) => !r.skipped && (loads.has(r) || custom.has(r)));
  // one short pass first, unmeasured: JIT, connection pools and nginx's cache settle
  for (const r of ordered) await (custom.get(r)?.() ?? drive({ ...loads.get(r)!, seconds: Math.min(2, seconds) }));
  for (let pass = 1; pass <= passes; pass++) {
    for (const r of ordered) {
      const round = await (custom.get(r)?.() ?? drive(loads.get(r)!));
      r.rounds.push(round);
      log(`  pass ${pass}/${passes} (${r.id}) ${fmt(round.rps)} req/s, p50 ${fmt(round.p50, 1)} ms, p99 ${fmt(round.p99, 1)} ms, ${fmt(round.cpuPerRequest, 2)} ms CPU/req${round.errors || round.non2xx ? `, ${round.errors} errors, statuses ${JSON.stringify(round.statuses)}` : ""}`);
    }
  }

  // --- (h) and (j): pages nobody asked for yet, one request at a time ------------------
  /** Fetches each path once, in turn: latency percentiles and the median CPU per request. */
  async function oneAtATime(r: Row, paths: string[]) {
    const latencies: number[] = [];
    const cpus: number[] = [];
    const statuses: Record<string, number> = {};
    let cached = 0;
    for (const p of paths) {
      const before = cpuMs(appPid);
      const t0 = performance.now();
      const res = await fetch(base + p);
      await res.arrayBuffer();
      const ms = performance.now() - t0;
      // let what the response leaves behind (cache writes) finish inside the measurement
      await new Promise((done) => setTimeout(done, 20));
      cpus.push(cpuMs(appPid) - before);
      latencies.push(ms);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.headers.get("x-nextjs-cache") === "HIT") cached++;
    }
    latencies.sort((x, y) => x - y);
    cpus.sort((x, y) => x - y);
    r.rounds.push({
      requests: latencies.length,
      seconds: latencies.reduce((s, v) => s + v, 0) / 1000,
      rps: 1000 / mean(latencies),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      errors: 0,
      non2xx: paths.length - (statuses[200] ?? 0),
      statuses,
      bytesPerResponse: 0,
      cpuPerRequest: percentile(cpus, 50),
    });
    r.note = `one request at a time; CPU is the median; mean ${fmt(mean(cpus), 1)} ms; p95 ${fmt(percentile(latencies, 95), 1)} ms${cached ? `; ${cached} already cached` : ""}${statuses[200] !== paths.length ? `; statuses ${JSON.stringify(statuses)}` : ""}`;
  }
  if (!h.skipped) await oneAtATime(h, picked.fresh.map((x) => `/${x.section}/${x.slug}`));
  // Pages 2 to 6 of each common word: (f) asked for page 1 only, so none of these is cached.
  if (!j.skipped) await oneAtATime(j, commonWords.flatMap((word) => [2, 3, 4, 5, 6].map((n) => `/search?q=${encodeURIComponent(word)}&page=${n}`)));

  // --- (l): resident memory over distinct pages, each asked for once -----------------
  const memory = wanted("l") ? await memoryRow(base, appPid, memoryPages) : undefined;
  if (memory) rows.push(memory.row);
  // --- (q): the WordPress import, into a database of its own --------------------------
  const wpPosts = quick ? 500 : 10_000;
  const q = row("q", `WordPress import, ${wpPosts.toLocaleString("en-US")} posts with ${(wpPosts * 5).toLocaleString("en-US")} comments (items/s)`);
  if (!q.skipped) {
    const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
    const name = `gazette_bench_wp_${Date.now().toString(36)}`;
    let url: string | undefined;
    if (server) {
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      await admin.end();
      url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    }
    try {
      const f = await measureImport({ posts: wpPosts, commentsPerPost: 5, databaseUrl: url });
      q.rounds.push({ requests: f.items, seconds: f.seconds, rps: f.itemsPerSecond, p50: 0, p95: 0, p99: 0, errors: 0, non2xx: 0, statuses: {}, bytesPerResponse: 0, cpuPerRequest: 0 });
      q.note = `${(f.bytes / 1048576).toFixed(0)} MB export in ${f.seconds.toFixed(0)} s, ${fmt(f.postsPerSecond)} posts/s; peak RSS of the importing process ${f.peakRssMb.toFixed(0)} MB, of which ${f.openRssMb.toFixed(0)} MB with the database open before the import (${f.database})`;
      log(`  (q) ${fmt(f.itemsPerSecond)} items/s, ${fmt(f.postsPerSecond)} posts/s, peak RSS ${f.peakRssMb.toFixed(0)} MB (${f.openRssMb.toFixed(0)} MB before the import)`);
    } finally {
      if (server) {
        const admin = postgres(server, { max: 1, onnotice: () => {} });
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    }
  }
  // (r): the busiest story's first render against a quiet one's (issue 15)
  const kFew = row("r1", `first render, article with 50 comments (median of ${busy.few.length})`);
  const kMany = row("r2", `first render, article with 5,000 comments (median of ${busy.many.length})`);
  if (!kFew.skipped || !kMany.skipped) {
    const few = await measureFirstRenders(base, appPid, busy.few);
    const many = await measureFirstRenders(base, appPid, busy.many);
    kFew.rounds.push(asRound(few, busy.few.length));
    kMany.rounds.push(asRound(many, busy.many.length));
    kMany.note = `vs (r1): CPU ${fmt(many.cpuMs / few.cpuMs, 2)}×, bytes ${fmt(many.bytes / few.bytes, 2)}× (target within 1.5×)`;
  }

  for (const r of rows) summarize(r);
  annotateReadership(rows);

  const report = renderReport({ rows, js, startedAt, articleCount, kind, connections, seconds, passes, quick });
  report.targets.push(...readershipTargets(rows, reads.totals()));
  console.log(`\n${report.table}\n\nTargets (figures from this run):`);
  for (const t of report.targets) console.log(`  ${t.ok ? "met   " : "MISSED"}  ${t.what}: ${t.detail}`);
  const { machine, targets } = report;
  if (memory) {
    targets.push(memory.target);
    console.log(`  ${memory.target.ok ? "met   " : "MISSED"}  ${memory.target.what}: ${memory.target.detail}`);
  }

  const results = path.join(process.cwd(), "bench", "results");
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `${startedAt.toISOString().replace(/[:.]/g, "-")}-${articleCount}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { date: startedAt.toISOString(), machine, articles: articleCount, database: kind, connections, seconds, passes, quick, rows, firstLoadJs: js, targets, table: report.table },
      null,
      2,
    ),
  );
  console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
  if (args.profile) console.log(`The server's CPU profile goes to ${path.relative(process.cwd(), profileDir)}/ when it stops (open it in Chrome DevTools).`);
}

main()
  .then(cleanup)
  .catch(async (error) => {
    console.error(error);
    const logFile = path.join(work, "server.log");
    try {
      console.error(`--- server log ---\n${readFileSync(logFile, "utf8").slice(-3000)}`);
    } catch {
      // no log
    }
    await cleanup();
    process.exit(1);
  });
