import { beforeEach, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { cachedEntries } from "@/test/cache-recorder";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { getCommentPage } from "./queries";

// The cached page of threads answers as its query and is stored under the article's tag, which
// every moderation decision on the article's comments expires (getArticlePageTags). Next.js's
// data cache is replaced by a recorder of each entry's key and tags.
const cache = vi.hoisted(() => ({ db: undefined as unknown }));
vi.mock("@/lib/cache/cached", () => import("@/test/cache-recorder"));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => cache.db }));

const cached = await import("./cached");

describeEachDatabase("the cached comment pages", (database) => {
  const db = () => database().primary as Db;
  beforeEach(() => {
    cache.db = db();
    cachedEntries.length = 0;
  });

  it("are kept per article and page, and expired with the article", async () => {
    const newsroom = await makeNewsroom(db());
    const article = await newsroom.article({ title: "Talked About", hoursAgo: 2, approvedComments: 3 });
    expect(await cached.getCommentPage(article.id, 1)).toEqual(await getCommentPage(db(), { articleId: article.id, page: 1 }));
    expect(cachedEntries).toEqual([{ key: ["comment-page", String(article.id), "1"], tags: [tags.article(article.id)] }]);
    expect(await getArticlePageTags(db(), article.id)).toContain(tags.article(article.id));
    await cached.getCommentPage(article.id, 2);
    expect(cachedEntries[1]!.key).toEqual(["comment-page", String(article.id), "2"]);
  });
});
