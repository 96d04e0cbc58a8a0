import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { spamRules } from "./spam";
import { commentInput } from "./input";
import { submitComment } from "./submit";

describeEachDatabase("the per-email flood limit", (database) => {
  const db = () => database().primary as Db;
  const unique = () => randomBytes(6).toString("hex");
  let articleId = 0;
  const emailReason = `${spamRules.rate.limit + 1} comments from this email in 10 minutes (limit ${spamRules.rate.limit})`;

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db());
    ({ id: articleId } = await newsroom.article({ title: `Flooded ${newsroom.id}`, hoursAgo: 2 }));
  });

  // Each post from an address of its own, so that only the email can tie them together.
  const post = async (email: string, ipHash: string | null = `ip-${unique()}`) => {
    const input = commentInput.parse({ articleId: String(articleId), body: `Words of my own ${unique()}.`, name: "Reader", email, website: "", elapsed: "9000" });
    const outcome = await submitComment(db(), input, { ipHash, userAgent: "test" });
    if (!outcome.ok) return { refused: outcome.reason };
    const [stored] = await db().select().from(t.comments).where(eq(t.comments.id, outcome.commentId));
    return { status: stored!.status, reasons: stored!.spamReasons };
  };

  it("counts one email however its letters are cased, from any address", async () => {
    const local = `Mixed.Case-${unique()}`;
    const spellings = [`${local}@Example.com`, `${local.toLowerCase()}@example.com`, `${local.toUpperCase()}@EXAMPLE.COM`];
    const outcomes = [];
    for (let i = 0; i <= spamRules.rate.limit; i++) outcomes.push(await post(spellings[i % spellings.length]!));
    expect(outcomes.slice(0, -1).map((o) => o.status)).toEqual(Array(spamRules.rate.limit).fill("pending"));
    expect(outcomes.at(-1)).toEqual({ status: "spam", reasons: [emailReason] });
  });

  it("counts the email when the address is unknown, and refuses a flood from one email", async () => {
    const email = `no-address-${unique()}@example.com`;
    for (let i = 0; i < spamRules.rate.limit; i++) expect((await post(email, null)).status).toBe("pending");
    expect(await post(email, null)).toEqual({ status: "spam", reasons: [emailReason] });
    for (let i = spamRules.rate.limit + 1; i < spamRules.rate.refuseAbove; i++) await post(email);
    expect(await post(email)).toEqual({ refused: "flood" });
  });

  it("does not limit different readers from different addresses", async () => {
    for (let i = 0; i <= spamRules.rate.limit + 1; i++) expect(await post(`reader-${unique()}@example.com`)).toEqual({ status: "pending", reasons: [] });
  });
});
