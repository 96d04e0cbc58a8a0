import { listFeedArticles } from "@/lib/feeds/cached";
import { toFeedItems, xmlResponse } from "@/lib/feeds/respond";
import { rss } from "@/lib/feeds/xml";
import { env } from "@/lib/env";
import { getSiteSettings } from "@/lib/site/cached";

// Rendered per request from cached data: prerendering it would open the database at build.
export const dynamic = "force-dynamic";

/** The site's RSS 2.0 feed: the latest 50 articles. */
export async function GET() {
  const siteUrl = env().SITE_URL;
  const [settings, articles] = await Promise.all([getSiteSettings(), listFeedArticles()]);
  return xmlResponse(
    rss({
      title: settings.siteName,
      description: settings.description,
      link: `${siteUrl}/`,
      self: `${siteUrl}/feed.xml`,
      language: settings.locale.toLowerCase(),
      siteUrl,
      items: toFeedItems(articles, siteUrl),
    }),
    "application/rss+xml",
  );
}

