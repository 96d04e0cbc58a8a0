/** Networks whose follower counts come from an official API; the others are typed by an admin. */
export const fetchedNetworks = ["mastodon", "bluesky", "youtube", "facebook"] as const;
export type FetchedNetwork = (typeof fetchedNetworks)[number];

export function isFetched(network: string): network is FetchedNetwork {
  return (fetchedNetworks as readonly string[]).includes(network);
}

export const maxPlausibleCount = 10_000_000_000;

export type CountDecision =
  | { kind: "accept"; count: number }
  | { kind: "reject"; error: string }
  | { kind: "hold"; count: number; error: string };

/**
 * What to do with a freshly fetched count. Nonsense is refused; a fall of more than 90% in one
 * step is more likely an API fault (or a suspended account) than real, so it waits for an
 * admin to confirm it while the last good number stays up.
 */
export function judgeCount(previous: number | null, fetched: unknown): CountDecision {
  const count = typeof fetched === "string" && /^-?\d{1,20}$/.test(fetched) ? Number(fetched) : fetched;
  if (typeof count !== "number" || !Number.isFinite(count) || !Number.isInteger(count)) {
    return { kind: "reject", error: `The answer had no usable count (${JSON.stringify(fetched)?.slice(0, 40)})` };
  }
  if (count < 0) return { kind: "reject", error: `The count ${count} is negative` };
  if (count > maxPlausibleCount) return { kind: "reject", error: `The count ${count} is implausibly large` };
  if (previous !== null && previous > 0 && count < previous * 0.1) {
    return { kind: "hold", count, error: `The count fell from ${previous} to ${count}; held until an admin confirms it` };
  }
  return { kind: "accept", count };
}

/** When a count is older than two refresh intervals it is shown as stale to admins. */
export function isStale(fetchedAt: Date | null, intervalMs: number, now = new Date()): boolean {
  return !fetchedAt || now.getTime() - fetchedAt.getTime() > 2 * intervalMs;
}
