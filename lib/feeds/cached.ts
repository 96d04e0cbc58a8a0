import "server-only";
import { unstable_cache } from "next/cache";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { listFeedArticles, listNewsSitemapArticles, listSitemapEntries } from "./queries";

export const getFeedArticles = (sectionSlug?: string) =>
  unstable_cache(async () => listFeedArticles(await getDb(), { sectionSlug }), ["feed", sectionSlug ?? ""], {
    tags: [tags.feeds, sectionSlug ? tags.section(sectionSlug) : tags.home],
  })();

export const getSitemapEntries = unstable_cache(async () => listSitemapEntries(await getDb()), ["sitemap"], {
  tags: [tags.feeds, tags.sections],
});

export const getNewsSitemapArticles = unstable_cache(async () => listNewsSitemapArticles(await getDb()), ["news-sitemap"], {
  tags: [tags.feeds],
  // Articles leave the 48-hour window with time alone, not by any action.
  revalidate: 900,
});
