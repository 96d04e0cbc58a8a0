// What the benchmark reads off the machine: a process tree's CPU time, and autocannon runs
// with every response time kept, so that percentiles are exact.
import { readdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { FirstLoadJs } from "./report";

/** Pids of `root` and all its descendants, from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // the command name may hold spaces and parentheses: fields start after the last ")"
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)!.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return found;
}

/**
 * CPU time of a process tree in milliseconds, summed over every thread from
 * /proc/<pid>/task/<tid>/schedstat (nanoseconds on CPU), so that one request's share is
 * measurable; /proc/<pid>/stat only counts in 10 ms ticks.
 */
export function cpuMs(root: number): number {
  let ns = 0;
  for (const pid of processTree(root)) {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      } catch {
        // thread ended
      }
    }
  }
  return ns / 1e6;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export type Round = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
  bytesPerResponse: number;
  /** CPU of the measured server tree per request, ms */
  cpuPerRequest: number;
};

export type Load = {
  url: string;
  connections: number;
  seconds: number;
  /** path for each request; called per request */
  nextPath?: () => string;
  method?: "GET" | "POST";
  /** a request body and headers per request (for posts) */
  nextRequest?: () => { path: string; body: Buffer | string; headers: Record<string, string> };
  headers?: Record<string, string>;
  /** pids whose CPU counts as the server's */
  cpuOf: number[];
};

export async function drive(load: Load): Promise<Round> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const cpuBefore = load.cpuOf.reduce((n, pid) => n + cpuMs(pid), 0);
  const started = process.hrtime.bigint();
  const requests: autocannon.Request[] = [
    {
      method: load.method ?? "GET",
      setupRequest: (request) => {
        if (load.nextRequest) {
          const next = load.nextRequest();
          return { ...request, path: next.path, body: next.body, headers: { ...request.headers, ...next.headers } };
        }
        return load.nextPath ? { ...request, path: load.nextPath() } : request;
      },
    },
  ];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: load.url, connections: load.connections, duration: load.seconds, headers: load.headers, requests, timeout: 30 },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (...args: unknown[]) => {
      // (client, statusCode, resBytes, responseTime)
      const [, status, resBytes, responseTime] = args as [unknown, number, number, number];
      times.push(responseTime);
      statuses[status] = (statuses[status] ?? 0) + 1;
      bytes += resBytes;
    });
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = load.cpuOf.reduce((n, pid) => n + cpuMs(pid), 0) - cpuBefore;
  times.sort((x, y) => x - y);
  return {
    requests: times.length,
    seconds,
    rps: times.length / result.duration,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
    bytesPerResponse: times.length ? Math.round(bytes / times.length) : 0,
    cpuPerRequest: times.length ? cpu / times.length : NaN,
  };
}

/** The article page's first-load JavaScript: every script it loads (noModule polyfills aside), gzipped. */
export async function firstLoadJs(base: string, html: string): Promise<FirstLoadJs> {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  let gzip = 0;
  let raw = 0;
  const thirdParty: string[] = [];
  const files: { src: string; gzip: number }[] = [];
  for (const [tag, src] of tags) {
    if (/\bnoModule\b/i.test(tag)) continue; // only browsers without ES modules load it
    if (!src!.startsWith("/")) {
      thirdParty.push(src!);
      continue;
    }
    const body = Buffer.from(await (await fetch(base + src)).arrayBuffer());
    const size = gzipSync(body).length;
    files.push({ src: src!, gzip: size });
    gzip += size;
    raw += body.length;
  }
  return { gzip, raw, files, thirdParty };
}
