import { getSection } from "@/lib/articles/cached";
import { listFeedArticles } from "@/lib/feeds/cached";
import { toFeedItems, xmlResponse } from "@/lib/feeds/respond";
import { rss } from "@/lib/feeds/xml";
import { env } from "@/lib/env";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";

/** A section's RSS 2.0 feed: its latest 50 articles. */
export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section: slug } = await params;
  const section = isSlug(slug) ? await getSection(slug) : null;
  if (!section) return new Response("No such section.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const siteUrl = env().SITE_URL;
  const [settings, articles] = await Promise.all([getSiteSettings(), listFeedArticles(slug)]);
  return xmlResponse(
    rss({
      title: `${section.name} | ${settings.siteName}`,
      description: section.description || `${section.name} on ${settings.siteName}`,
      link: `${siteUrl}/${slug}`,
      self: `${siteUrl}/${slug}/feed.xml`,
      language: settings.locale.toLowerCase(),
      siteUrl,
      items: toFeedItems(articles, siteUrl),
    }),
    "application/rss+xml",
  );
}
