import { lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rateLimits, signInAttempts } from "@/db/schema";

// The rate_limits table holds a row per address, email and sign-in key that was ever counted
// (lib/comments/rate-limit.ts), sign_in_attempts one per account and address that tried to
// sign in (lib/auth/throttle.ts). An expired row counts for nothing (both
// start a new window over it), so rows past their window are deleted in the background.

/** Rows kept this long past their expiry, so a delete never races a window being renewed. */
const graceMinutes = 60;

/** Deletes counters whose window ended more than an hour ago; returns how many. */
export async function pruneExpiredRateLimits(db: Db): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.expire, sql`now() - make_interval(mins => ${graceMinutes})`))
    .returning({ key: rateLimits.key });
  const attempts = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.expire, sql`now() - make_interval(mins => ${graceMinutes})`))
    .returning({ key: signInAttempts.key });
  return deleted.length + attempts.length;
}
