import { eq, sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder, openPostgres, type Database, type Db } from "@/db/client";
import { seedIfEmpty } from "@/scripts/seed/demo";
import * as t from "@/db/schema";
import { createThrowawayDatabase, describeEachDatabase } from "@/test/databases";
import { retrainIfDue } from "./jobs";
import { classifyComment, newestModelId } from "./store";

const bluecoin = "Turn 100 into 10,000 in 30 days with BlueCoin tokens!!! Guaranteed returns. Sign up now at example.net/bluecoin";
// A word no shipped comment has: only the site's own decisions can teach it.
const local = (n: number) => `Quarterly zorblax meetup notes number ${n}, members welcome`;

async function decide(db: Db, articleId: number, texts: string[], status: "approved" | "spam") {
  await db.insert(t.comments).values(
    texts.map((body, i) => ({ articleId, authorName: `Writer ${i}`, authorEmail: `w${i}@example.com`, body, status })),
  );
}

async function setThresholds(db: Db, holdAt: number, markAt: number) {
  await db.update(t.siteSettings).set({ spamHoldAt: holdAt, spamMarkAt: markAt }).where(eq(t.siteSettings.id, 1));
}

async function firstArticle(db: Db) {
  await seedIfEmpty(db, { password: "irrelevant-password", log: () => {} });
  const [article] = await db.select({ id: t.articles.id }).from(t.articles).where(eq(t.articles.status, "published")).limit(1);
  await db.insert(t.siteSettings).values({ id: 1 }).onConflictDoNothing();
  return article!.id;
}

describeEachDatabase("spam classifier in the database", (database) => {
  let articleId = 0;
  const db = () => database().primary;
  beforeAll(async () => {
    articleId = await firstArticle(db());
  });

  it("flags the seeded spam with the classifier's reason, and leaves the seeded questions alone", async () => {
    const pending = await db().select({ body: t.comments.body, reasons: t.comments.spamReasons }).from(t.comments).where(eq(t.comments.status, "pending"));
    const flagged = pending.filter((c) => c.reasons.some((r) => r.startsWith("classifier: ")));
    expect(flagged.map((c) => c.body).sort()).toEqual(
      pending.filter((c) => /BlueCoin|designer watches/.test(c.body)).map((c) => c.body).sort(),
    );
    expect(flagged).toHaveLength(2);
  });

  it("scores with the shipped model before any training, and gives its reason", async () => {
    await setThresholds(db(), 0.5, 0.95);
    const [finding] = await classifyComment(db(), { body: bluecoin, name: "Investor", website: null });
    expect(finding?.severity).toBe("spam");
    expect(finding?.reason).toMatch(/^classifier: (0\.9\d|1\.00), words: .*guaranteed/);
    expect(await classifyComment(db(), { body: "Will the library stay open on Sundays?", name: "Jo", website: null })).toEqual([]);
  });

  it("holds or files as spam by the site's thresholds", async () => {
    await setThresholds(db(), 0.5, 1);
    expect((await classifyComment(db(), { body: bluecoin, name: "I", website: null }))[0]?.severity).toBe("hold");
    await setThresholds(db(), 0, 1);
    const ordinary = await classifyComment(db(), { body: "Will the library stay open on Sundays?", name: "Jo", website: null });
    expect(ordinary).toEqual([{ severity: "hold", reason: expect.stringMatching(/^classifier: 0\.\d\d/) }]);
    await setThresholds(db(), 0.5, 0.95);
  });

  it("retrains once enough decisions came in, and learns the site's own spam", async () => {
    const first = await retrainIfDue(db());
    expect(first.trained).toBe(true);
    // Nothing new decided since: not due.
    expect((await retrainIfDue(db())).trained).toBe(false);
    const before = await classifyComment(db(), { body: local(999), name: "A", website: null });
    expect(before).toEqual([]);

    await decide(db(), articleId, Array.from({ length: 30 }, (_, i) => local(i)), "spam");
    await decide(db(), articleId, Array.from({ length: 10 }, (_, i) => `The library meeting minutes ${i} are online`), "approved");
    const second = await retrainIfDue(db());
    expect(second).toMatchObject({ trained: true, labelled: first.labelled + 40 });
    expect(await newestModelId(db())).toBe(second.modelId);
    const after = await classifyComment(db(), { body: local(999), name: "A", website: null });
    expect(after[0]?.reason).toMatch(/words: .*zorblax/);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("spam classifier shared by two instances [postgres]", () => {
  let drop: () => Promise<void>;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    const created = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
    drop = created.drop;
    a = await openPostgres(created.url);
    await migrate(a.primary as never, { migrationsFolder });
    b = await openPostgres(created.url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await drop?.();
  });

  it("trains once however many instances try, and every instance scores with the new model", async () => {
    const articleId = await firstArticle(a.primary);
    await retrainIfDue(a.primary);
    // Instance B has read the current model before the decisions come in.
    expect(await classifyComment(b.primary, { body: local(999), name: "A", website: null })).toEqual([]);
    await decide(a.primary, articleId, Array.from({ length: 30 }, (_, i) => local(i)), "spam");

    const [fromA, fromB] = await Promise.all([retrainIfDue(a.primary), retrainIfDue(b.primary)]);
    expect([fromA.trained, fromB.trained].filter(Boolean)).toHaveLength(1);
    const [n] = await a.primary.select({ n: sql<number>`count(*)::int` }).from(t.spamModels);
    expect(Number(n!.n)).toBe(2);

    const seenByB = await classifyComment(b.primary, { body: local(999), name: "A", website: null });
    expect(seenByB[0]?.reason).toMatch(/words: .*zorblax/);
  });
});
