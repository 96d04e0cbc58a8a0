import { getDb } from "@/db/client";
import { findRedirect } from "./queries";

// The proxy's lookup, for requests whose address no Gazette page has (an old WordPress link):
// answers are kept in this process for a minute, so a crawler going through the old archive
// asks the database once per address, and a path already asked about costs a map lookup.

const ttlMs = 60_000;
const maxEntries = 10_000;
const key = Symbol.for("gazette.redirectLookups");
type Store = Map<string, { to: string | null; at: number }>;
const store = ((globalThis as typeof globalThis & { [key]?: Store })[key] ??= new Map());

export async function lookupRedirect(path: string): Promise<string | null> {
  const now = Date.now();
  const hit = store.get(path);
  if (hit && now - hit.at < ttlMs) return hit.to;
  let to: string | null;
  try {
    to = await findRedirect(await getDb(), { path });
  } catch (error) {
    // A failed lookup must not turn the 404 it stands before into a 500.
    console.error("redirect lookup failed", error);
    return null;
  }
  if (store.size >= maxEntries) store.delete(store.keys().next().value!);
  store.set(path, { to, at: now });
  return to;
}

/** After an admin adds or deletes one: this process answers anew at once, the others within the minute. */
export function forgetRedirectLookups() {
  store.clear();
}
