import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { spamRules, type Finding } from "./spam";

// The counters live in PostgreSQL (the rate_limits table, which sign-in throttling shares
// through rate-limiter-flexible), so a limit holds however many instances serve the site.
// A comment counts against its address and its email in one statement: an upsert of both
// keys that starts a key's window again once it has expired. The keys are spelled as
// rate-limiter-flexible spells them (`comment-ip:…`, `comment-email:…`).

const minutes = spamRules.rate.windowSeconds / 60;

/** Counts one post against each key and returns each key's count within its window. */
async function countPosts(db: Db, keys: string[]): Promise<Map<string, number>> {
  // Windows start and end on the database's clock, which every instance shares.
  const expire = sql`now() + make_interval(secs => ${spamRules.rate.windowSeconds})`;
  const rows = rowsOf<{ key: string; points: number }>(
    await db.execute(sql`
      insert into ${rateLimits} (key, points, expire)
      values ${sql.join(keys.map((key) => sql`(${key}, 1, ${expire})`), sql`, `)}
      on conflict (key) do update set
        points = case when ${rateLimits.expire} <= now() then 1 else ${rateLimits.points} + 1 end,
        expire = case when ${rateLimits.expire} <= now() then excluded.expire else ${rateLimits.expire} end
      returning key, points`),
  );
  return new Map(rows.map((r) => [r.key, Number(r.points)]));
}

/**
 * Counts one comment against the sender's address and email. Past `limit` in the window the
 * comment goes to spam with the reason; past `refuseAbove` it is refused without being stored,
 * so a flood cannot fill the database. Should the count fail, the comment is refused as
 * `unavailable` (the reader is asked to try again): a limiter that let everything through
 * whenever it broke would be no limit against a flood timed for an outage.
 */
export async function countCommentPost(
  db: Db,
  sender: { ipHash: string | null; email: string },
): Promise<{ refused: boolean; unavailable?: true; findings: Finding[] }> {
  const ipKey = sender.ipHash ? `comment-ip:${sender.ipHash}` : null;
  const emailKey = `comment-email:${sender.email.trim().toLowerCase()}`;
  let counts: Map<string, number>;
  try {
    counts = await countPosts(db, ipKey ? [ipKey, emailKey] : [emailKey]);
  } catch (error) {
    console.error("Comment rate limiter failed:", error);
    return { refused: true, unavailable: true, findings: [] };
  }
  const ip = ipKey ? (counts.get(ipKey) ?? 0) : 0;
  const email = counts.get(emailKey) ?? 0;
  const findings: Finding[] = [];
  const over = (n: number, what: string) =>
    findings.push({
      severity: "spam",
      reason: `${n} comments from this ${what} in ${minutes} minutes (limit ${spamRules.rate.limit})`,
    });
  if (ip > spamRules.rate.limit) over(ip, "IP address");
  if (email > spamRules.rate.limit) over(email, "email");
  return { refused: ip > spamRules.rate.refuseAbove || email > spamRules.rate.refuseAbove, findings };
}
