import "server-only";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { listFeedArticles, listNewsSitemapArticles, listSitemapEntries } from "./queries";

export const getFeedArticles = (sectionSlug?: string) =>
  cached(async () => listFeedArticles(await getDb(), { sectionSlug }), ["feed", sectionSlug ?? ""], {
    tags: [tags.feeds, sectionSlug ? tags.section(sectionSlug) : tags.home],
  })();

export const getSitemapEntries = cached(async () => listSitemapEntries(await getDb()), ["sitemap"], {
  tags: [tags.feeds, tags.sections],
});

export const getNewsSitemapArticles = cached(async () => listNewsSitemapArticles(await getDb()), ["news-sitemap"], {
  tags: [tags.feeds],
  // Articles leave the 48-hour window with time alone, not by any action.
  revalidate: 900,
});
