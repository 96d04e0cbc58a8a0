import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { commentInput } from "./input";
import { submitComment } from "./submit";

// The rate limiter counts in the database. When that count cannot be made, a comment is turned
// away with "try again" rather than let through unlimited: a flood timed for a database hiccup
// must not get past the limit.
describeEachDatabase("a comment when the rate limiter cannot count", (db) => {
  let articleId = 0;

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db().primary);
    const article = await newsroom.article({ title: "Limiter outage", hoursAgo: 1 });
    articleId = article.id;
    // The counters' table is gone (a failed migration, a broken grant): every count fails.
    await db().primary.execute(sql`alter table rate_limits rename to rate_limits_away`);
  });

  it("is refused as unavailable, and not stored", async () => {
    const body = `Posted while the counter was away ${randomBytes(4).toString("hex")}`;
    const outcome = await submitComment(
      db().primary,
      commentInput.parse({ articleId: String(articleId), body, name: "Reader", email: "limiter@example.net", website: "", elapsed: "9000" }),
      { ipHash: "some-address", userAgent: null },
    );
    expect(outcome).toEqual({ ok: false, reason: "unavailable" });
    const stored = await db().primary.select({ id: t.comments.id }).from(t.comments).where(eq(t.comments.body, body));
    expect(stored).toHaveLength(0);
    await db().primary.execute(sql`alter table rate_limits_away rename to rate_limits`);
  });
});
