import { RateLimiterDrizzle } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";

export const loginLimit = { failures: 5, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

const limiters = new WeakMap<object, RateLimiterDrizzle>();

// Counters live in PostgreSQL, so the limit holds across every instance of the app.
function limiter(db: Db): RateLimiterDrizzle {
  let found = limiters.get(db);
  if (!found) {
    found = new RateLimiterDrizzle({
      storeClient: db,
      schema: rateLimits,
      keyPrefix: "login",
      points: loginLimit.failures,
      duration: loginLimit.windowSeconds,
      blockDuration: loginLimit.blockSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, found);
  }
  return found;
}

export function loginKey(email: string, ipHash: string | null) {
  return `${email.trim().toLowerCase()}|${ipHash ?? "unknown"}`;
}

/** Seconds until this email and address may try again, or 0 when they may now. */
export async function loginBlockedFor(db: Db, key: string): Promise<number> {
  const res = await limiter(db).get(key);
  if (!res || res.consumedPoints < loginLimit.failures) return 0;
  return Math.ceil(res.msBeforeNext / 1000);
}

/** Counts a failed sign-in; true when this failure starts a cool-down. */
export async function recordLoginFailure(db: Db, key: string): Promise<boolean> {
  try {
    const res = await limiter(db).consume(key);
    return res.consumedPoints >= loginLimit.failures;
  } catch {
    // consume() rejects once the points are spent: the key is already blocked.
    return true;
  }
}

export async function clearLoginFailures(db: Db, key: string) {
  await limiter(db).delete(key);
}
