import "server-only";
import { getPrimaryDb, inBackground } from "@/db/client";
import { env } from "@/lib/env";
import { clientIp, type HeaderSource } from "@/lib/request";
import { maxBeaconBytes } from "./input";
import { ReadIngest, type KnownPages, type Outcome } from "./ingest";
import { flushAggregator } from "./jobs";
import { loadKnownPages } from "./queries";

// The beacon route's state, one per process: the known pages, the counts since the last
// flush, and the two timers that refresh the first and write the second. Kept on globalThis so
// that every server chunk that imports this module shares one.

const knownEveryMs = 30_000;
const tracedBeacons = 500;

type Via = "server" | "next";

/** With GAZETTE_TEST_HOOKS=1, one of the last beacons: what it was decided, by which way in, for which browser. */
export type TracedBeacon = { userAgent: string; outcome: Outcome; via: Via };

type Runtime = {
  ingest: ReadIngest;
  /** beacons answered by scripts/server.mjs before Next.js (fast-path.ts), and by the Next.js route */
  served: Record<Via, number>;
  known: KnownPages | null;
  knownAt: number;
  loading: Promise<void> | null;
  flushes: number;
  flushing: Promise<void> | null;
  /** the flush asked for while one was running, to start when it ends */
  nextFlush: Promise<void> | null;
  /**
   * Test hooks only: the last beacons, so that a test can pick out its own reader's among
   * those of every other spec running beside it (the counters above are the whole process's).
   */
  traced: TracedBeacon[] | null;
};

const key = Symbol.for("gazette.readership");
type GlobalWithRuntime = typeof globalThis & { [key]?: Runtime };

function refreshKnown(runtime: Runtime) {
  runtime.loading ??= inBackground(async () => {
    runtime.known = await loadKnownPages(await getPrimaryDb());
    runtime.knownAt = Date.now();
  })
    .catch((error) => console.error("Readership: loading known pages failed:", error))
    .finally(() => {
      runtime.loading = null;
    });
  return runtime.loading;
}

/**
 * Writes the counts now (the timer does it every READERSHIP_FLUSH_SECONDS): once it resolves,
 * every read counted before the call is in the database (or, if that failed, kept for the
 * next flush). A flush already running took its
 * rows before this call, so the call waits for it and then for one more, which every caller
 * meanwhile shares: at most one flush runs and one waits, however often this is called.
 */
export function flushReads(runtime = readership()): Promise<void> {
  if (runtime.flushing) {
    runtime.nextFlush ??= runtime.flushing.then(() => {
      runtime.nextFlush = null;
      return flushReads(runtime);
    });
    return runtime.nextFlush;
  }
  runtime.flushing = inBackground(async () => {
    if ((await flushAggregator(await getPrimaryDb(), runtime.ingest.aggregator)) > 0) runtime.flushes++;
  })
    .catch((error) => console.error("Readership: flush failed, kept for the next one:", error))
    .finally(() => {
      runtime.flushing = null;
    });
  return runtime.flushing;
}

export function readership(): Runtime {
  const store = globalThis as GlobalWithRuntime;
  if (store[key]) return store[key];
  const runtime: Runtime = {
    ingest: new ReadIngest(() => runtime.known),
    served: { server: 0, next: 0 },
    known: null,
    knownAt: 0,
    loading: null,
    flushes: 0,
    flushing: null,
    nextFlush: null,
    traced: env().GAZETTE_TEST_HOOKS === "1" ? [] : null,
  };
  store[key] = runtime;
  const flushTimer = setInterval(() => void flushReads(runtime), env().READERSHIP_FLUSH_SECONDS * 1000);
  flushTimer.unref();
  // A stopping server writes what it holds; a crash loses at most one interval.
  process.once("SIGTERM", () => void flushReads(runtime));
  return runtime;
}

/** Reads a body up to `limit` bytes; null past it, without reading the rest. */
async function readLimited(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * One beacon whose body has been read (null: it was over the size limit): decided in memory,
 * counted in memory. Both ways in share it: the Next.js route below, and scripts/server.mjs's
 * own (fast-path.ts). Synchronous once the known pages are loaded, which is every beacon but a
 * process's first few: those wait for the list.
 */
export function ingestBeacon(headers: HeaderSource, body: string | null, via: Via): Outcome | Promise<Outcome> {
  const runtime = readership();
  runtime.served[via]++;
  if (Date.now() - runtime.knownAt > knownEveryMs) {
    const loading = refreshKnown(runtime);
    if (!runtime.known) return loading.then(() => decide(runtime, headers, body, via));
  }
  return decide(runtime, headers, body, via);
}

function decide(runtime: Runtime, headers: HeaderSource, body: string | null, via: Via): Outcome {
  let outcome: Outcome;
  if (body === null) {
    runtime.ingest.outcomes.invalid++;
    outcome = "invalid";
  } else outcome = runtime.ingest.ingest({ headers, body, address: clientIp(headers) });
  if (runtime.traced) {
    if (runtime.traced.length >= tracedBeacons) runtime.traced.shift();
    runtime.traced.push({ userAgent: headers.get("user-agent") ?? "", outcome, via });
  }
  return outcome;
}

/** One beacon through Next.js's route (`npm run dev`, or a server without the fast path). */
export async function receiveBeacon(request: Request): Promise<Outcome> {
  return ingestBeacon(request.headers, await readLimited(request, maxBeaconBytes), "next");
}
