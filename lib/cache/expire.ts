import "server-only";
import { revalidateTag } from "next/cache";
import { database } from "@/db/client";
import { env } from "@/lib/env";
import { internalToken } from "@/lib/internal-token";

/**
 * Expires the pages that show data a write just changed. With read replicas the write is
 * noted first (db/replicas.ts): this instance then reads from the primary until the replicas
 * have it, and the same tags are expired again once they do, so no page rendered from a
 * lagging replica outlives the lag.
 */
export async function expireAfterWrite(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  try {
    const { router } = await database();
    if (router) {
      router.onCaughtUp = (caughtUp) => expireFromBackground(caughtUp, { replayed: true });
      await router.noteWrite(unique);
    }
  } catch (error) {
    // The write itself committed; without its position the tags still expire after the maximum lag.
    console.error("Could not note the write's WAL position:", error);
  }
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
}

/**
 * Work outside a request (the scheduler, a replica catching up) cannot expire tags itself: it
 * asks its own server to, through the internal route. `replayed` says the write was already
 * noted, so the route does not note it again.
 */
export async function expireFromBackground(tags: string[], { replayed = false } = {}): Promise<void> {
  if (tags.length === 0) return;
  const response = await fetch(`http://127.0.0.1:${env().PORT}/api/internal/revalidate`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-gazette-internal": internalToken(),
      ...(replayed ? { "x-gazette-replayed": "1" } : {}),
    },
    body: JSON.stringify({ tags }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`revalidation answered ${response.status}`);
}
