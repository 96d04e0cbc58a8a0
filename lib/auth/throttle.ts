import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { signInAttempts } from "@/db/schema";

// Two counters stand between a guesser and the password check. Per account, a few free
// attempts, then a delay that doubles with each further one up to a ceiling: guessing one
// password becomes slow from any number of addresses, while the owner is never locked out for
// longer than the ceiling (OWASP's advice against lock-outs an attacker can trigger at will).
// Per address, across accounts, a budget per window: one password tried on many emails, or a
// flood of unknown emails each costing a scrypt, stops at the budget.

type Limit = { free: number; baseSeconds: number; maxSeconds: number; windowSeconds: number };

export const accountLimit: Limit = { free: 5, baseSeconds: 30, maxSeconds: 15 * 60, windowSeconds: 60 * 60 };
export const addressLimit: Limit = { free: 20, baseSeconds: 15 * 60, maxSeconds: 15 * 60, windowSeconds: 15 * 60 };

export function accountKey(email: string) {
  return `login-account:${email.trim().toLowerCase()}`;
}

export function addressKey(ipHash: string | null) {
  return `login-ip:${ipHash ?? "unknown"}`;
}

/** The wait after `attempts` attempts (counted as failures), in seconds, as SQL. */
function waitAfter(attempts: ReturnType<typeof sql>, limit: Limit) {
  return sql`case when ${attempts} < ${limit.free} then 0
    else least(${limit.maxSeconds}, ${limit.baseSeconds} * power(2, ${attempts} - ${limit.free})) end`;
}

function upsert(key: string, limit: Limit) {
  const t = signInAttempts;
  const expire = sql`now() + make_interval(secs => ${limit.windowSeconds})`;
  const fresh = sql`${t.expire} <= now()`;
  const waiting = sql`${t.allowedAt} > now()`;
  const next = sql`${t.attempts} + 1`;
  // One statement per key: the row lock orders parallel attempts, so of forty at once only
  // the free ones are admitted, each having set the next one's wait before its check runs.
  return sql`
    insert into ${t} (key, attempts, allowed_at, counted_at, expire)
    values (${key}, 1, now() + make_interval(secs => ${waitAfter(sql`1`, limit)}), now(), ${expire})
    on conflict (key) do update set
      attempts = case when ${fresh} then 1 when ${waiting} then ${t.attempts} else ${next} end,
      allowed_at = case
        when ${fresh} then now() + make_interval(secs => ${waitAfter(sql`1`, limit)})
        when ${waiting} then ${t.allowedAt}
        else now() + make_interval(secs => ${waitAfter(next, limit)}) end,
      counted_at = case when ${waiting} and not ${fresh} then ${t.countedAt} else now() end,
      expire = ${expire}
    returning counted_at = now() as admitted, extract(epoch from allowed_at - now())::float8 as wait`;
}

export type Admission =
  | { admitted: true; /** the wait this attempt sets should it fail */ waitSeconds: number }
  | { admitted: false; retryAfterSeconds: number };

/**
 * Counts a sign-in attempt for the account and the address before its password is checked.
 * Refused when either is waiting out a delay; a refused attempt is not counted again.
 */
export async function admitSignIn(db: Db, email: string, ipHash: string | null): Promise<Admission> {
  const results = await Promise.all([
    db.execute(upsert(accountKey(email), accountLimit)),
    db.execute(upsert(addressKey(ipHash), addressLimit)),
  ]);
  const rows = results.flatMap((r) => rowsOf<{ admitted: boolean; wait: number }>(r));
  if (rows.every((r) => r.admitted)) return { admitted: true, waitSeconds: Math.max(0, ...rows.map((r) => Number(r.wait))) };
  const wait = Math.max(...rows.filter((r) => !r.admitted).map((r) => Number(r.wait)));
  return { admitted: false, retryAfterSeconds: Math.max(1, Math.ceil(wait)) };
}

/** A successful sign-in: the account starts afresh, and the address gets its attempt back. */
export async function recordSignInSuccess(db: Db, email: string, ipHash: string | null) {
  const t = signInAttempts;
  await db.execute(sql`delete from ${t} where key = ${accountKey(email)}`);
  const attempts = sql`greatest(${t.attempts} - 1, 0)`;
  await db.execute(sql`
    update ${t} set attempts = ${attempts},
      allowed_at = case when ${attempts} < ${addressLimit.free} then now() else ${t.allowedAt} end
    where key = ${addressKey(ipHash)}`);
}
