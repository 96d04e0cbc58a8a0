import "server-only";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { searchArticles as search } from "./queries";

/**
 * Search results behind the data cache: a popular query is answered without the database
 * until an article is published, edited or withdrawn (all of which revalidate `feeds`).
 */
export function searchArticles(query: string, page: number) {
  return cached(async () => search(await getDb(), { query, page }), ["search", query, String(page)], {
    tags: [tags.feeds],
    revalidate: 3600,
  })();
}
