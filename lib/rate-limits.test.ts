import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { pruneExpiredRateLimits } from "./rate-limits";

describeEachDatabase("rate-limit counters", (database) => {
  it("are deleted an hour after their window ends, and not before", async () => {
    const db = database().primary;
    const id = randomBytes(4).toString("hex");
    const keys = { long: `test:long-${id}`, recent: `test:recent-${id}`, open: `test:open-${id}`, forever: `test:forever-${id}` };
    await db.insert(rateLimits).values([
      { key: keys.long, points: 3, expire: sql`now() - interval '2 hours'` },
      { key: keys.recent, points: 3, expire: sql`now() - interval '5 minutes'` },
      { key: keys.open, points: 1, expire: sql`now() + interval '5 minutes'` },
      { key: keys.forever, points: 1, expire: null },
    ]);
    expect(await pruneExpiredRateLimits(db)).toBeGreaterThanOrEqual(1);
    const left = await db.select({ key: rateLimits.key }).from(rateLimits).where(inArray(rateLimits.key, Object.values(keys)));
    expect(left.map((r) => r.key).sort()).toEqual([keys.forever, keys.open, keys.recent].sort());
  });
});
