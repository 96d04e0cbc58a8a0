import { eq, sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder, openPostgres, type Database, type Db } from "@/db/client";
import { seedIfEmpty } from "@/scripts/seed/demo";
import * as t from "@/db/schema";
import { createThrowawayDatabase, describeEachDatabase } from "@/test/databases";
import { retrainIfDue, retraining } from "./jobs";
import { score, type Model } from "./model";
import { shippedModel } from "./shipped";
import { classifierFinding, classifyComment, currentModel, defaultThresholds, newestModelId } from "./store";

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

describe("a classifier score as a spam check's finding", () => {
  const model = shippedModel();
  const { probability } = score(model, bluecoin);

  it("holds from the hold threshold, files as spam from the spam threshold, both inclusive", () => {
    expect(classifierFinding(model, bluecoin, { holdAt: probability, markAt: 1.01 })).toEqual([{ severity: "hold", reason: expect.stringMatching(/^classifier: /) }]);
    expect(classifierFinding(model, bluecoin, { holdAt: probability + 1e-9, markAt: 1.01 })).toEqual([]);
    expect(classifierFinding(model, bluecoin, { holdAt: 0.5, markAt: probability })[0]?.severity).toBe("spam");
    expect(classifierFinding(model, bluecoin, { holdAt: 0.5, markAt: probability + 1e-9 })[0]?.severity).toBe("hold");
  });

  it("uses the defaults when given no thresholds", () => {
    expect(defaultThresholds).toEqual({ holdAt: 0.7, markAt: 0.95 });
    expect(probability).toBeGreaterThanOrEqual(defaultThresholds.markAt);
    expect(classifierFinding(model, bluecoin)[0]?.severity).toBe("spam");
    expect(classifierFinding(model, "Will the library stay open on Sundays?")).toEqual([]);
  });
});

describeEachDatabase("the classifier's model and thresholds, as each instance reads them", (database) => {
  let articleId = 0;
  const db = () => database().primary;
  beforeAll(async () => {
    articleId = await firstArticle(db());
  });

  it("without a settings row, scores by the default thresholds", async () => {
    const [saved] = await db().select().from(t.siteSettings).where(eq(t.siteSettings.id, 1));
    await db().delete(t.siteSettings).where(eq(t.siteSettings.id, 1));
    try {
      expect((await classifyComment(db(), { body: bluecoin, name: "I", website: null }))[0]?.severity).toBe("spam");
      expect(await classifyComment(db(), { body: "Will the library stay open on Sundays?", name: "Jo", website: null })).toEqual([]);
    } finally {
      await db().insert(t.siteSettings).values(saved!);
    }
  });

  it("scores the website with the text: a spam link there is found as in the body", async () => {
    await setThresholds(db(), 0.5, 0.95);
    const body = "Thanks, interesting read.";
    const website = "https://example.net/bluecoin-guaranteed-returns-tokens";
    expect(await classifyComment(db(), { body, name: "Jo", website: null })).toEqual([]);
    expect(await classifyComment(db(), { body, name: "Jo", website })).toEqual([{ severity: "hold", reason: expect.stringMatching(/^classifier: 0\.\d\d, words: .*(bluecoin|guaranteed|returns|tokens)/i) }]);
    // the name is not part of what is scored
    expect(await classifyComment(db(), { body, name: "BlueCoin guaranteed returns tokens", website: null })).toEqual([]);
  });

  it("learns from the websites of the comments moderators filed as spam, as well as from their text", async () => {
    await setThresholds(db(), 0.5, 0.95);
    const website = "https://quxvoril.example/offer";
    const ordinary = (n: number) => `Thanks for the report on the ferry timetable, number ${n}`;
    const asked = { body: ordinary(999), name: "Jo", website };
    expect(await classifyComment(db(), asked)).toEqual([]);
    await db()
      .insert(t.comments)
      .values(Array.from({ length: 30 }, (_, i) => ({ articleId, authorName: "Ad", authorEmail: `ad${i}@example.com`, authorWebsite: website, body: ordinary(i), status: "spam" as const })));
    await decide(db(), articleId, Array.from({ length: 30 }, (_, i) => ordinary(100 + i)), "approved");
    await retrainIfDue(db(), { force: true });
    // The same words without the link are still what readers write; with it, they are the spam.
    expect(await classifyComment(db(), { ...asked, website: null })).toEqual([]);
    expect((await classifyComment(db(), asked))[0]?.reason).toMatch(/words: .*quxvoril/);
  });

  it("reads a model once per process, and again only when a newer one is stored; an unknown id scores with the shipped model", async () => {
    await retrainIfDue(db(), { force: true });
    const id = (await newestModelId(db()))!;
    const first = await currentModel(db(), id);
    expect(first.id).toBe(id);
    // The stored row changes under it (no instance does this): the cached model is kept, unread.
    const stub: Model = { version: 1, bias: 9, letterGroupWeight: 0.2, weights: {}, trainedOn: { spam: 0, ham: 0 } };
    await db().update(t.spamModels).set({ model: stub }).where(eq(t.spamModels.id, id));
    expect((await currentModel(db(), id)).model).toBe(first.model);
    // A newer model is read from the table.
    const [newer] = await db().insert(t.spamModels).values({ model: stub, labelled: 0 }).returning({ id: t.spamModels.id });
    expect(await currentModel(db(), newer!.id)).toEqual({ id: newer!.id, model: stub });
    expect((await classifyComment(db(), { body: "Will the library stay open on Sundays?", name: "Jo", website: null }))[0]?.severity).toBe("spam");
    expect(await currentModel(db(), newer!.id + 1000)).toEqual({ id: null, model: shippedModel() });
    expect(await currentModel(db(), null)).toEqual({ id: null, model: shippedModel() });
    await db().delete(t.spamModels).where(eq(t.spamModels.id, newer!.id));
    await retrainIfDue(db(), { force: true });
  });

  it("is due after the set number of decisions since the last model, and keeps the newest six models", async () => {
    await retrainIfDue(db(), { force: true });
    const every = 3;
    await decide(db(), articleId, ["Due one", "Due two"], "approved");
    expect((await retrainIfDue(db(), { every })).trained).toBe(false);
    await decide(db(), articleId, ["Due three"], "spam");
    const due = await retrainIfDue(db(), { every });
    expect(due.trained).toBe(true);
    expect(retraining.every).toBe(20);

    for (let i = 0; i < 6; i++) await retrainIfDue(db(), { force: true });
    const kept = await db().select({ id: t.spamModels.id }).from(t.spamModels).orderBy(t.spamModels.id);
    const newest = (await newestModelId(db()))!;
    expect(kept.map((k) => k.id)).toEqual([newest - 5, newest - 4, newest - 3, newest - 2, newest - 1, newest]);
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
