import { count, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { countWords } from "@/lib/format";
import { demoStaff, draftArticle, seedArticles, seedIfEmpty } from "./demo";
import * as t from "@/db/schema";
import { demoHeroCredit, hasDemoHero } from "./heroes";
import { verifyPassword } from "@/lib/auth/password";
import { countStaleBodies } from "@/lib/articles/body";

const day = 24 * 60 * 60 * 1000;

it("demo content meets the walking skeleton's brief", () => {
  expect(seedArticles.length).toBeGreaterThanOrEqual(30);
  expect(new Set(seedArticles.map((a) => a.section)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(seedArticles.map((a) => a.author)).size).toBeGreaterThanOrEqual(6);
  expect(new Set(seedArticles.map((a) => a.slug)).size).toBe(seedArticles.length);
  for (const a of seedArticles) {
    const words = countWords(a.body);
    expect(words, a.slug).toBeGreaterThanOrEqual(300);
    expect(words, a.slug).toBeLessThanOrEqual(900);
    expect(a.body, a.slug).toMatch(/^## /m);
    expect(a.body, a.slug).toMatch(/^> /m);
    expect(a.body, a.slug).toMatch(/^(- |\d+\. )/m);
    expect(a.daysAgo).toBeLessThan(30);
  }
  const tagUse = new Map<string, number>();
  for (const tag of seedArticles.flatMap((a) => a.tags)) tagUse.set(tag, (tagUse.get(tag) ?? 0) + 1);
  expect([...tagUse.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(8);
  expect(seedArticles.filter((a) => a.mustRead).length).toBeGreaterThan(0);
});

describeEachDatabase("seedIfEmpty", (db) => {
  it("fills an empty database", async () => {
    const result = await seedIfEmpty(db().primary, { password: "correct horse battery", log: () => {} });
    expect(result.seeded).toBe(true);
    const { primary } = db();
    const [articles] = await primary.select({ n: count() }).from(t.articles).where(eq(t.articles.status, "published"));
    expect(articles?.n).toBe(seedArticles.length);
    const [draft] = await primary.select().from(t.articles).where(eq(t.articles.slug, draftArticle.slug));
    expect(draft?.status).toBe("draft");
    expect(draft?.publishedAt).toBeNull();
    // Bodies are stored rendered, so the first page view of a demo article parses no Markdown.
    expect(await countStaleBodies(primary)).toBe(0);

    const sections = await primary.select().from(t.sections);
    expect(sections.length).toBeGreaterThanOrEqual(6);
    const authors = await primary.select().from(t.authors);
    expect(authors.length).toBeGreaterThanOrEqual(6);
    expect(authors.every((a) => a.bio.length > 40)).toBe(true);

    const published = await primary.select({ at: t.articles.publishedAt }).from(t.articles).where(eq(t.articles.status, "published"));
    const ages = published.map((p) => (Date.now() - p.at!.getTime()) / day);
    expect(Math.max(...ages)).toBeLessThan(30);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.min(...ages)).toBeLessThan(2);

    const byStatus = await primary
      .select({ status: t.comments.status, replies: sql<number>`count(${t.comments.parentId})::int`, n: count() })
      .from(t.comments)
      .groupBy(t.comments.status);
    const approved = byStatus.find((r) => r.status === "approved");
    expect(approved?.n).toBeGreaterThan(10);
    expect(approved?.replies).toBeGreaterThan(0);
    expect(byStatus.find((r) => r.status === "pending")?.n).toBeGreaterThan(0);

    // The demo's pictures: stored like uploads, with their variants, and described.
    const heroes = await primary
      .select({ slug: t.articles.slug, url: t.articles.heroImageUrl, alt: t.articles.heroImageAlt, credit: t.articles.heroImageCredit, width: t.articles.heroImageWidth })
      .from(t.articles)
      .where(eq(t.articles.status, "published"));
    const pictured = heroes.filter((h) => h.url);
    expect(pictured.map((h) => h.slug).sort()).toEqual(seedArticles.filter(hasDemoHero).map((a) => a.slug).sort());
    expect(pictured.length).toBeGreaterThan(seedArticles.length / 2);
    for (const h of pictured) {
      expect(h.url, h.slug).toMatch(/^\/media\/[0-9a-f]{32}\/1440\.webp$/);
      expect(h.alt, h.slug).toMatch(/^Illustration: .+\.$/);
      expect(h.credit).toBe(demoHeroCredit);
      expect(h.width).toBe(1600);
    }
    const [variants] = await primary.select({ n: count() }).from(t.mediaVariants);
    expect(variants?.n).toBe(pictured.length * 3);

    const social = await primary.select().from(t.socialAccounts);
    expect(social.map((s) => s.count)).toEqual([16985, 2458, 61453]);

    const staff = await primary.select().from(t.users);
    expect(staff.map((u) => u.email).sort()).toEqual(demoStaff.map((s) => s.email).sort());
    expect(await verifyPassword("correct horse battery", staff[0]!.passwordHash)).toBe(true);
    expect(await verifyPassword("wrong password", staff[0]!.passwordHash)).toBe(false);
  });

  it("changes nothing when run again", async () => {
    const { primary } = db();
    const before = await Promise.all([t.articles, t.comments, t.users, t.tags].map((table) => primary.select({ n: count() }).from(table)));
    const result = await seedIfEmpty(primary, { password: "another password", log: () => {} });
    expect(result.seeded).toBe(false);
    const after = await Promise.all([t.articles, t.comments, t.users, t.tags].map((table) => primary.select({ n: count() }).from(table)));
    expect(after).toEqual(before);
  });
});
