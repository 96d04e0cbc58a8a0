import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { commentFingerprint, loadSpamContext } from "./spam";

describeEachDatabase("loadSpamContext", (database) => {
  const db = () => database().primary as Db;
  const id = randomBytes(4).toString("hex");
  let articleId = 0;
  let otherArticleId = 0;

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db());
    ({ id: articleId } = await newsroom.article({ title: `Context ${id}`, hoursAgo: 3 }));
    ({ id: otherArticleId } = await newsroom.article({ title: `Elsewhere ${id}`, hoursAgo: 3 }));
    await db().insert(t.bannedWords).values([
      { word: `banned-${id}`, kind: "banned" },
      { word: `suspect-${id}`, kind: "suspect" },
    ]);
    await db().insert(t.bannedCommenters).values([
      { kind: "email", value: `banned-${id}@example.com` },
      { kind: "ip", value: `ip-banned-${id}` },
      { kind: "email", value: `someone-else-${id}@example.com` },
    ]);
    const comment = (article: number, body: string, minutesAgo: number) => ({
      articleId: article,
      fingerprint: commentFingerprint(body),
      authorName: "Reader",
      authorEmail: "reader@example.net",
      body,
      status: "pending" as const,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    await db().insert(t.comments).values([comment(articleId, "Within the hour", 10), comment(articleId, "Two hours ago", 120), comment(otherArticleId, "Other article", 5)]);
  });

  it("reads the word lists, the bans on this email and address, and this article's comments of the last hour", async () => {
    const context = await loadSpamContext(db(), { articleId, email: ` Banned-${id}@Example.com `, ipHash: `ip-banned-${id}`, fingerprint: commentFingerprint("within THE hour") });
    // This database holds only this suite's words.
    expect(context.wordLists).toEqual({ banned: [`banned-${id}`], suspect: [`suspect-${id}`] });
    expect(context.bans.sort()).toEqual(["email", "ip"]);
    expect(context.duplicateOf).toEqual(expect.any(Number));
  });

  it("finds no duplicate older than the hour, or on another article", async () => {
    const at = (articleId: number, body: string) => loadSpamContext(db(), { articleId, email: `fine-${id}@example.com`, ipHash: null, fingerprint: commentFingerprint(body) });
    expect((await at(articleId, "Two hours ago")).duplicateOf).toBeNull();
    expect((await at(articleId, "Other article")).duplicateOf).toBeNull();
    expect((await at(otherArticleId, "Other article")).duplicateOf).toEqual(expect.any(Number));
  });

  it("finds no ban for another email and address, nor for an unknown address", async () => {
    expect((await loadSpamContext(db(), { articleId, email: `fine-${id}@example.com`, ipHash: `ip-fine-${id}`, fingerprint: commentFingerprint("x") })).bans).toEqual([]);
    expect((await loadSpamContext(db(), { articleId, email: `fine-${id}@example.com`, ipHash: null, fingerprint: commentFingerprint("x") })).bans).toEqual([]);
    expect((await loadSpamContext(db(), { articleId, email: `fine-${id}@example.com`, ipHash: `ip-banned-${id}`, fingerprint: commentFingerprint("x") })).bans).toEqual(["ip"]);
  });
});
