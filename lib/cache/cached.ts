import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";

/** Work under way in this process, by its cache key: the promise every caller waits on. */
const inFlight = new Map<string, Promise<unknown>>();

/**
 * Runs `work` once for concurrent callers with the same `key`: while it runs, every other
 * caller gets the same promise. Once it settles, the next caller starts afresh.
 */
export function singleFlight<T>(key: string, work: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key);
  if (running) return running as Promise<T>;
  const started = work().finally(() => {
    if (inFlight.get(key) === started) inFlight.delete(key);
  });
  inFlight.set(key, started);
  return started;
}

/**
 * Next.js's `unstable_cache`, with simultaneous misses merged. `unstable_cache` looks the
 * entry up and, on a miss, runs the query; two renders that miss at once (two readers of a
 * cold page, or the layout, metadata and page of one render, which ask in parallel) would
 * each run it. Here they share one run. Each caller still goes through `unstable_cache`, so
 * every page that uses the data still collects its tags.
 *
 * Within one request, a second call with the same arguments gets the first one's answer.
 *
 * `keyParts` name the data, as for `unstable_cache`, and must differ between call sites.
 */
export function cached<Args extends unknown[], Result>(
  query: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: { tags?: string[]; revalidate?: number | false },
): (...args: Args) => Promise<Result> {
  const name = JSON.stringify(keyParts);
  // React's cache() holds the answer for the rest of the request: within one render the
  // layout, the metadata and the page ask one after another, and unstable_cache's own entry
  // is written only once the render is done, so each of them would miss it.
  return cache(unstable_cache((...args: Args) => singleFlight(`${name}${JSON.stringify(args)}`, () => query(...args)), keyParts, options));
}
