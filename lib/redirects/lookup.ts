import { getDb, inBackground, type Db } from "@/db/client";
import { encodePath } from "./paths";
import { findRedirect, isOwnAddress, listShortRedirectPaths, redirectsVersion } from "./queries";

// Old WordPress links are answered before any page renders, with a 301:
// - addresses of shapes no Gazette page has (a trailing slash, three or more segments, ?p=)
//   reach proxy.ts, which asks `lookupRedirect`;
// - one- and two-segment addresses ("/hello-world", "/category/news") share their shape with
//   sections, articles and pages, so they never pass through the proxy (reader pages pay
//   nothing for it). scripts/server.mjs asks `match` first instead: a look in an in-memory set
//   of the stored one- and two-segment old addresses, read once and again only when the
//   redirects change (checked once a minute, in the background). Only an address in that set
//   costs a lookup, which also makes sure no Gazette page has the address now.
// Answers are kept in this process for a minute, so a crawler going through the old archive
// asks the database once per address.

const ttlMs = 60_000;
const maxEntries = 10_000;

type State = {
  answers: Map<string, { to: string | null; at: number }>;
  /** the stored one- and two-segment old addresses; null until the server starts watching them */
  short: Set<string> | null;
  version: string;
  refreshing: Promise<void> | null;
  watching: boolean;
};
const key = Symbol.for("gazette.redirectLookups");
const state: State = ((globalThis as typeof globalThis & { [key]?: State })[key] ??= { answers: new Map(), short: null, version: "", refreshing: null, watching: false });

async function remembered(path: string, find: (db: Db) => Promise<string | null>): Promise<string | null> {
  const now = Date.now();
  const hit = state.answers.get(path);
  if (hit && now - hit.at < ttlMs) return hit.to;
  let to: string | null;
  try {
    to = await find(await getDb());
  } catch (error) {
    // A failed lookup must not turn the 404 it stands before into a 500.
    console.error("redirect lookup failed", error);
    return null;
  }
  if (state.answers.size >= maxEntries) state.answers.delete(state.answers.keys().next().value!);
  state.answers.set(path, { to, at: now });
  return to;
}

/** The proxy's lookup, for requests whose address no Gazette page has. */
export function lookupRedirect(path: string): Promise<string | null> {
  return remembered(path, (db) => findRedirect(db, { path }));
}

/** Reads the short old addresses again when the redirects changed since (or always, `force`). */
function refreshShortPaths(force: boolean): Promise<void> {
  if (state.refreshing && !force) return state.refreshing;
  const run = async () => {
    try {
      await inBackground(async () => {
        const db = await getDb();
        const version = await redirectsVersion(db);
        if (!force && state.short && version === state.version) return;
        state.short = new Set(await listShortRedirectPaths(db));
        state.version = version;
      });
    } catch (error) {
      console.error("Could not read the redirects:", error);
    }
  };
  const next = (state.refreshing ?? Promise.resolve()).then(run);
  state.refreshing = next;
  void next.finally(() => {
    if (state.refreshing === next) state.refreshing = null;
  });
  return next;
}

/**
 * The one- or two-segment old address a request is for (its path without trailing slashes,
 * percent-decoded), when it is one of the stored ones; else null, at the cost of a set look-up.
 */
function match(url: string): string | null {
  if (!state.short || state.short.size === 0) return null;
  const q = url.indexOf("?");
  let path = q < 0 ? url : url.slice(0, q);
  let end = path.length;
  while (end > 1 && path.charCodeAt(end - 1) === 47) end--;
  if (end !== path.length) path = path.slice(0, end);
  if (path.includes("%")) {
    try {
      path = decodeURIComponent(path);
    } catch {
      return null;
    }
  }
  return state.short.has(path) ? path : null;
}

/** Where a matched short old address now lives (a Location value), unless a Gazette page has that address now. */
async function answer(path: string): Promise<string | null> {
  const to = await remembered(`short:${path}`, async (db) => ((await isOwnAddress(db, path)) ? null : findRedirect(db, { path })));
  return to && encodePath(to);
}

type OldLinks = { match: typeof match; answer: typeof answer };
const oldLinksKey = Symbol.for("gazette.oldLinks");

/** Called once at server start (instrumentation.ts): scripts/server.mjs then answers short old links itself. */
export function watchShortRedirects() {
  if (state.watching) return;
  state.watching = true;
  (globalThis as typeof globalThis & { [oldLinksKey]?: OldLinks })[oldLinksKey] = { match, answer };
  void refreshShortPaths(true);
  setInterval(() => void refreshShortPaths(false), ttlMs).unref();
}

/** After redirects were added or deleted: this process answers anew at once, the others within the minute. */
export async function forgetRedirectLookups(): Promise<void> {
  state.answers.clear();
  if (state.watching) await refreshShortPaths(true);
}
