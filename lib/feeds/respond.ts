import "server-only";
import type { FeedArticle } from "./queries";
import type { FeedItem } from "./xml";

/** Feeds and sitemaps may be kept by any cache for five minutes, and served stale while refreshed. */
export const feedCacheControl = "public, max-age=300, s-maxage=300, stale-while-revalidate=3600";

export function xmlResponse(body: string, type = "application/xml") {
  return new Response(body, {
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": feedCacheControl },
  });
}

export function toFeedItems(articles: FeedArticle[], siteUrl: string): FeedItem[] {
  return articles.map((a) => ({
    id: a.id,
    url: `${siteUrl}/${a.sectionSlug}/${a.slug}`,
    title: a.title,
    description: a.standfirst,
    contentHtml: a.bodyHtml,
    publishedAt: a.publishedAt,
    author: a.authorName,
    categories: [a.sectionName, ...a.tags],
  }));
}
