import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { articlePageTags, getArticlePlacement, sectionPageTags } from "@/lib/cache/invalidation";
import { cachedEntries } from "@/test/cache-recorder";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import * as listing from "./listing";
import * as q from "./queries";

// What the cached reads promise: each answers as its query does, and is stored under tags that
// the change which alters it expires (lib/cache/invalidation.ts). Next.js's data cache is
// replaced by a recorder of each entry's key and options (test/cache-recorder.ts); the
// database is the test's.
const cache = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/cache/cached", () => import("@/test/cache-recorder"));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => cache.db }));

const cached = await import("./cached");

describeEachDatabase("cached article reads", (database) => {
  const db = () => database().primary as Db;
  let newsroom: Awaited<ReturnType<typeof makeNewsroom>>;
  let article: { id: number; slug: string };
  let expiredByArticle: string[] = [];

  beforeAll(async () => {
    newsroom = await makeNewsroom(db());
    article = await newsroom.article({ title: "Cached Story", hoursAgo: 2, tags: ["weather"], mustRead: true });
    await newsroom.article({ title: "Cached Neighbour", hoursAgo: 3, tags: ["weather"] });
    // what publishing, editing or unpublishing the article expires
    expiredByArticle = articlePageTags(article.id, await getArticlePlacement(db(), article.id));
  });
  beforeEach(() => {
    cache.db = db();
    cachedEntries.length = 0;
  });

  const only = () => {
    expect(cachedEntries).toHaveLength(1);
    return cachedEntries[0]!;
  };

  it("an article page answers as its query and is expired by any change to the article", async () => {
    expect(await cached.getPublishedArticle(article.slug)).toEqual(await q.getPublishedArticle(db(), { slug: article.slug }));
    expect(only()).toEqual({ key: ["article", article.slug], tags: [tags.articleSlug(article.slug)], revalidate: undefined });
    expect(expiredByArticle).toEqual(expect.arrayContaining(only().tags));
  });

  it("the front page and Must Read are expired by an article's change, and Must Read hourly and by reads too", async () => {
    expect(await cached.getFrontPage()).toEqual(await q.getFrontPage(db()));
    expect(only()).toEqual({ key: ["front-page"], tags: [tags.home], revalidate: undefined });
    expect(expiredByArticle).toContain(tags.home);

    cachedEntries.length = 0;
    expect(await cached.listMustRead(4)).toEqual(await q.listMustRead(db(), { limit: 4 }));
    expect(only()).toEqual({ key: ["must-read", "4"], tags: [tags.mustRead, tags.home, tags.mostRead], revalidate: 3600 });
    expect(expiredByArticle).toContain(tags.mustRead);
  });

  it("Related News is kept per article and size, expired with the article and hourly", async () => {
    expect(await cached.listRelatedArticles(article.id, 3)).toEqual(await q.listRelatedArticles(db(), { articleId: article.id, limit: 3 }));
    expect(only()).toEqual({ key: ["related", String(article.id), "3"], tags: [tags.article(article.id)], revalidate: 3600 });
    expect(expiredByArticle).toContain(tags.article(article.id));
  });

  it("each listing is kept per page and expired by a change to an article it lists", async () => {
    const [placement] = [await getArticlePlacement(db(), article.id)];
    const listings = [
      ["section", placement!.sectionSlug, tags.section(placement!.sectionSlug)],
      ["author", placement!.authorSlug, tags.author(placement!.authorSlug)],
      ["tag", placement!.tagSlugs[0]!, tags.tag(placement!.tagSlugs[0]!)],
    ] as const;
    for (const [kind, slug, tag] of listings) {
      cachedEntries.length = 0;
      expect(await cached.listArticles(kind, slug, 2)).toEqual(await listing.listArticles(db(), { kind, slug, page: 2 }));
      expect(only(), kind).toEqual({ key: ["listing", kind, slug, "2"], tags: [tag], revalidate: undefined });
      expect(expiredByArticle).toContain(tag);
    }
  });

  it("a section, an author and a tag are each expired by what changes them", async () => {
    const { home, author } = newsroom;
    expect(await cached.getSection(home.slug)).toEqual(await listing.getSection(db(), { slug: home.slug }));
    expect(only()).toEqual({ key: ["section", home.slug], tags: [tags.section(home.slug), tags.sections], revalidate: undefined });
    expect(sectionPageTags(home.slug)).toEqual(expect.arrayContaining(only().tags));

    cachedEntries.length = 0;
    expect(await cached.getAuthor(author.slug)).toEqual(await listing.getAuthor(db(), { slug: author.slug }));
    expect(only()).toEqual({ key: ["author", author.slug], tags: [tags.author(author.slug)], revalidate: undefined });

    const tagSlug = (await getArticlePlacement(db(), article.id))!.tagSlugs[0]!;
    cachedEntries.length = 0;
    expect(await cached.getTag(tagSlug)).toEqual(await listing.getTag(db(), { slug: tagSlug }));
    expect(only()).toEqual({ key: ["tag", tagSlug], tags: [tags.tag(tagSlug)], revalidate: undefined });
  });
});
