// Rows (n) and (o): the read beacon. (n) beacons alone, as many readers' browsers send them;
// (o) a cached article and its beacon, one after the other on each connection, as a browser
// does for every view, to compare with row (c).
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import type { Article } from "./comment-post";
import { ReadIngest } from "../lib/readership/ingest";
import { cpuMs, percentile, type Round } from "./measure";
import { fmt, type Row, type Target } from "./report";

const browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

/** One reader's beacon for `article`: a new address each time, so neither the flood limit nor the repeat filter applies. */
export function beacon(article: Article, base: string) {
  const r = randomBytes(3);
  return {
    path: "/api/read",
    body: JSON.stringify({ a: article.id, u: `${base}/${article.section}/${article.slug}`, r: "https://www.google.com/" }),
    headers: { "content-type": "text/plain;charset=UTF-8", "user-agent": browser, "x-forwarded-for": `10.${r[0]}.${r[1]}.${r[2]}` },
  };
}

type Hooks = { queries: () => Promise<number>; readership: () => Promise<{ outcomes: Record<string, number>; flushes: number }> };

export function readershipHooks(base: string): Hooks {
  return {
    queries: async () => ((await (await fetch(`${base}/api/test/queries`)).json()) as { queries: number }).queries,
    readership: async () => (await (await fetch(`${base}/api/test/readership`)).json()) as { outcomes: Record<string, number>; flushes: number },
  };
}

/**
 * Drives `requests` in turn on each connection and counts a "view" per `perView` responses:
 * for (o) a view is the page and its beacon, so its req/s are views a second and its CPU is
 * per view.
 */
export async function driveSequence({ url, connections, seconds, requests, perView, cpuOf }: {
  url: string;
  connections: number;
  seconds: number;
  requests: autocannon.Request[];
  perView: number;
  cpuOf: number[];
}): Promise<Round> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const cpuBefore = cpuOf.reduce((n, pid) => n + cpuMs(pid), 0);
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, duration: seconds, requests, timeout: 30 }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (...args: unknown[]) => {
      const [, status, resBytes, responseTime] = args as [unknown, number, number, number];
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const cpu = cpuOf.reduce((n, pid) => n + cpuMs(pid), 0) - cpuBefore;
  times.sort((x, y) => x - y);
  const views = times.length / perView;
  return {
    requests: times.length,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    rps: views / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
    bytesPerResponse: times.length ? Math.round(bytes / times.length) : 0,
    cpuPerRequest: views ? cpu / views : NaN,
  };
}

/** The two rows' loads; `random` picks a cached article. */
export function readershipRounds(base: string, pick: () => Article, connections: number, seconds: number, appPid: number) {
  const hooks = readershipHooks(base);
  let statements = 0;
  let counted = 0;
  let sent = 0;
  const idle: number[] = [];
  /** The server's CPU with no request at all (its timers, the scheduler), in ms a second. */
  const idleCpu = async () => {
    const before = cpuMs(appPid);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idle.push((cpuMs(appPid) - before) / 3);
  };
  const measured = async (run: () => Promise<Round>) => {
    const [q0, r0] = await Promise.all([hooks.queries(), hooks.readership()]);
    const round = await run();
    const [q1, r1] = await Promise.all([hooks.queries(), hooks.readership()]);
    statements += q1 - q0;
    counted += (r1.outcomes.counted ?? 0) - (r0.outcomes.counted ?? 0);
    return round;
  };
  const beaconRequest: autocannon.Request = {
    method: "POST",
    setupRequest: (request) => {
      const next = beacon(pick(), base);
      sent++;
      return { ...request, path: next.path, body: next.body, headers: { ...request.headers, ...next.headers } };
    },
  };
  let current = pick();
  return {
    /** (n): beacons only */
    beacons: () =>
      measured(async () => {
        await idleCpu();
        return driveSequence({ url: base, connections, seconds, requests: [beaconRequest], perView: 1, cpuOf: [appPid] });
      }),
    /** (o): the page, then its beacon */
    views: () =>
      measured(() =>
        driveSequence({
          url: base,
          connections,
          seconds,
          perView: 2,
          cpuOf: [appPid],
          requests: [
            {
              method: "GET",
              setupRequest: (request) => {
                current = pick();
                return { ...request, path: `/${current.section}/${current.slug}`, headers: { ...request.headers, "user-agent": browser } };
              },
            },
            {
              method: "POST",
              setupRequest: (request) => {
                const next = beacon(current, base);
                sent++;
                return { ...request, path: next.path, body: next.body, headers: { ...request.headers, ...next.headers } };
              },
            },
          ],
        }),
      ),
    /** (p): the cheapest route handler of the app, what (n) would cost at least through Next.js */
    floor: () => driveSequence({ url: base, connections, seconds, requests: [{ method: "GET", path: "/robots.txt" }], perView: 1, cpuOf: [appPid] }),
    /** what the rounds showed: statements the reader path sent (flushes aside) and beacons counted */
    totals: () => ({ statements, counted, sent, idleMsPerSecond: idle.length ? idle.reduce((a, b) => a + b, 0) / idle.length : NaN }),
  };
}

/**
 * What the beacon's own code costs, in this process: `ReadIngest` deciding and counting
 * 200,000 beacons from distinct addresses (so that each goes through every check and the
 * repeat filter's HMAC), in microseconds per beacon.
 */
export function ingestMicroseconds(): number {
  const ingest = new ReadIngest(() => ({ articleIds: new Set([1, 2, 3]), sectionSlugs: new Set(["world"]) }));
  const headers = new Headers({ "user-agent": browser, host: "news.example.com" });
  const body = JSON.stringify({ a: 2, u: "https://news.example.com/world/a-story", r: "https://www.google.com/" });
  const n = 200_000;
  for (let i = 0; i < 20_000; i++) ingest.ingest({ headers, body, address: `warm${i}` });
  const started = process.cpuUsage();
  for (let i = 0; i < n; i++) ingest.ingest({ headers, body, address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` });
  const used = process.cpuUsage(started);
  return (used.user + used.system) / n;
}

/** Row (o) against row (c), said in (o)'s note (the issue sets no target for it). */
export function annotateReadership(rows: Row[]) {
  const l = rows.find((r) => r.id === "o");
  const c = rows.find((r) => r.id === "c");
  if (l?.rps && c?.rps) l.note = `views/s and CPU per view: ${fmt(l.rps / c.rps, 2)} × (c)'s views/s, ${fmt(l.cpu, 2)} vs ${fmt(c.cpu, 2)} ms CPU`;
}

export function readershipTargets(rows: Row[], totals: { statements: number; counted: number; sent: number; idleMsPerSecond: number }): Target[] {
  const k = rows.find((r) => r.id === "n");
  const targets: Target[] = [];
  if (k?.cpu !== undefined) {
    const m = rows.find((r) => r.id === "p");
    const own = ingestMicroseconds();
    targets.push({
      what: "read beacon ≤ 0.2 ms CPU",
      ok: k.cpu <= 0.2,
      detail: `${fmt(k.cpu, 3)} ms at ${fmt(k.rps)} beacons/s, answered by scripts/server.mjs before Next.js; the beacon's own code (ReadIngest: checks, classification, repeat filter, count) ${fmt(own, 1)} µs of it, node:http and the kernel the rest, with the process's own background work: ${fmt(totals.idleMsPerSecond, 1)} ms CPU a second with no request at all, about ${fmt(totals.idleMsPerSecond / (k.rps ?? NaN), 3)} ms a beacon at this rate (through Next.js's route pipeline it would cost at least a bare route handler's, row p: ${fmt(m?.cpu, 3)} ms)`,
    });
    targets.push({
      what: "no database statement per beacon",
      ok: totals.statements === 0,
      detail: `${totals.statements} statements on the request path for ${fmt(totals.counted)} beacons counted (of about ${fmt(totals.sent)} sent); flushes are one upsert per page and hour every few seconds`,
    });
  }
  return targets;
}
