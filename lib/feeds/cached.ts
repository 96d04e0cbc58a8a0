import "server-only";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as q from "./queries";

export const listFeedArticles = (sectionSlug?: string) =>
  cached(async () => q.listFeedArticles(await getDb(), { sectionSlug }), ["feed", sectionSlug ?? ""], {
    tags: [tags.feeds, sectionSlug ? tags.section(sectionSlug) : tags.home],
  })();

export const listSitemapEntries = cached(async () => q.listSitemapEntries(await getDb()), ["sitemap"], {
  tags: [tags.feeds, tags.sections],
});

export const listNewsSitemapArticles = cached(async () => q.listNewsSitemapArticles(await getDb()), ["news-sitemap"], {
  tags: [tags.feeds],
  // Articles leave the 48-hour window with time alone, not by any action.
  revalidate: 900,
});
