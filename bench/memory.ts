// Row (l): resident memory while thousands of distinct pages are asked for once each, against
// the cache size next.config.mjs configures (cacheMaxMemorySize). Every page rendered is kept
// by the cache handler's LRU until it is full; what the process holds beyond that is the
// bound the README states.
import { readFileSync } from "node:fs";
import path from "node:path";
import { percentile, processTree, type Round } from "./measure";
import { fmt, type Row, type Target } from "./report";

/** Resident memory of a process tree, in bytes (VmRSS from /proc). */
export function rssBytes(root: number): number {
  let kb = 0;
  for (const pid of processTree(root)) {
    try {
      const match = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
      kb += Number(match?.[1] ?? 0);
    } catch {
      // ended while we looked
    }
  }
  return kb * 1024;
}

/**
 * The distinct pages to ask for: every article in the sitemap, then search result pages for the
 * words of their titles (each query and page number its own cached page), up to `count`.
 */
export async function distinctPages(base: string, count: number): Promise<string[]> {
  const sitemap = await (await fetch(`${base}/sitemap.xml`)).text();
  const articles = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1]!).pathname)
    .filter((p) => p.split("/").length === 3);
  const pages = articles.slice(0, count);
  const words = [...new Set(articles.flatMap((p) => p.split("/")[2]!.split("-")).filter((w) => w.length > 3))];
  for (let page = 1; pages.length < count && words.length > 0; page++) {
    for (const word of words) {
      if (pages.length >= count) break;
      pages.push(`/search?q=${encodeURIComponent(word)}&page=${page}`);
    }
    if (page > 50) break;
  }
  return pages;
}

/** Asks for each page once, `concurrency` at a time, sampling the server's RSS every 100 ms. */
export async function crawlMeasuringMemory(base: string, pid: number, pages: string[], concurrency = 8) {
  const startRss = rssBytes(pid);
  let peakRss = startRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssBytes(pid));
  }, 100);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < pages.length) {
        const page = pages[next++]!;
        const t0 = performance.now();
        const res = await fetch(base + page);
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, rssBytes(pid));
  latencies.sort((a, b) => a - b);
  const round: Round = {
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: 0,
    non2xx: latencies.length - (statuses[200] ?? 0),
    statuses,
    bytesPerResponse: 0,
    cpuPerRequest: NaN,
  };
  return { round, startRss, peakRss, endRss: rssBytes(pid), statuses };
}

/** next.config.mjs's cacheMaxMemorySize: what the cache handler's LRU may hold. */
export async function configuredCacheBytes(): Promise<number> {
  const file = path.join(process.cwd(), "next.config.mjs");
  const { default: config } = (await import(file)) as { default: { cacheMaxMemorySize?: number } };
  return config.cacheMaxMemorySize ?? 50 * 1024 * 1024;
}

/**
 * What an instance may hold beyond cacheMaxMemorySize: Node.js, Next.js, React and the
 * database client, whatever the number of pages. The bound README "Operations", "Memory"
 * states, from row (l) at full size.
 */
export const overheadBoundBytes = 512 * 2 ** 20;

/**
 * Row (l): `count` distinct pages once each while the server's RSS is sampled, and its target:
 * the peak within cacheMaxMemorySize plus the overhead bound, with the ratio of peak to cache.
 */
export async function memoryRow(base: string, pid: number, count: number): Promise<{ row: Row; target: Target }> {
  const row: Row = { id: "l", label: `${count.toLocaleString("en-US")} distinct pages once each, 8 at a time: peak resident memory`, rounds: [] };
  const memory = await crawlMeasuringMemory(base, pid, await distinctPages(base, count));
  const cacheBytes = await configuredCacheBytes();
  const mb = (bytes: number) => fmt(bytes / 2 ** 20);
  row.rounds.push(memory.round);
  const ratio = memory.peakRss / cacheBytes;
  row.note = `peak RSS ${mb(memory.peakRss)} MB = ${fmt(ratio, 2)} × cacheMaxMemorySize ${mb(cacheBytes)} MB, cache + ${mb(memory.peakRss - cacheBytes)} MB; ${mb(memory.startRss)} MB before, ${mb(memory.endRss)} MB after; ${memory.round.requests.toLocaleString("en-US")} pages, statuses ${JSON.stringify(memory.statuses)}`;
  const bound = cacheBytes + overheadBoundBytes;
  const target: Target = {
    what: `peak RSS (l) ≤ cacheMaxMemorySize + ${mb(overheadBoundBytes)} MB`,
    ok: memory.peakRss <= bound && memory.round.requests === count,
    detail: `${mb(memory.peakRss)} MB ≤ ${mb(bound)} MB (${fmt(ratio, 2)} × the cache; over ${memory.round.requests.toLocaleString("en-US")} pages)`,
  };
  return { row, target };
}
