import { RateLimiterDrizzle, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { spamRules, type Finding } from "./spam";

type Dimension = "ip" | "email";

const limiters = new WeakMap<object, Record<Dimension, RateLimiterDrizzle>>();

// The counters live in PostgreSQL (the rate_limits table), so a limit holds however many
// instances serve the site. Each limiter counts up to the refusal threshold; the lower
// moderation threshold is read from the count.
function limitersFor(db: Db): Record<Dimension, RateLimiterDrizzle> {
  let found = limiters.get(db);
  if (!found) {
    const make = (dimension: Dimension) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: `comment-${dimension}`,
        points: spamRules.rate.refuseAbove,
        duration: spamRules.rate.windowSeconds,
        clearExpiredByTimeout: false,
      });
    found = { ip: make("ip"), email: make("email") };
    limiters.set(db, found);
  }
  return found;
}

async function count(limiter: RateLimiterDrizzle, key: string): Promise<{ n: number; refused: boolean }> {
  try {
    const res = await limiter.consume(key);
    return { n: res.consumedPoints, refused: false };
  } catch (error) {
    // consume() rejects with the counter once the points are spent, and with an Error when
    // the store fails; a failing store must not take the comment form down with it.
    if (error instanceof RateLimiterRes) return { n: error.consumedPoints, refused: true };
    console.error("Comment rate limiter failed:", error);
    return { n: 0, refused: false };
  }
}

const minutes = spamRules.rate.windowSeconds / 60;

/**
 * Counts one comment against the sender's address and email. Past `limit` in the window the
 * comment goes to spam with the reason; past `refuseAbove` it is refused without being stored,
 * so a flood cannot fill the database.
 */
export async function countCommentPost(
  db: Db,
  sender: { ipHash: string | null; email: string },
): Promise<{ refused: boolean; findings: Finding[] }> {
  const l = limitersFor(db);
  const [ip, email] = await Promise.all([
    sender.ipHash ? count(l.ip, sender.ipHash) : Promise.resolve({ n: 0, refused: false }),
    count(l.email, sender.email.trim().toLowerCase()),
  ]);
  const findings: Finding[] = [];
  const over = (n: number, what: string) =>
    findings.push({
      severity: "spam",
      reason: `${n} comments from this ${what} in ${minutes} minutes (limit ${spamRules.rate.limit})`,
    });
  if (ip.n > spamRules.rate.limit) over(ip.n, "IP address");
  if (email.n > spamRules.rate.limit) over(email.n, "email");
  return { refused: ip.refused || email.refused, findings };
}
