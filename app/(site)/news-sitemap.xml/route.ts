import { getNewsSitemapArticles } from "@/lib/feeds/cached";
import { xmlResponse } from "@/lib/feeds/respond";
import { languageOf, newsSitemap } from "@/lib/feeds/xml";
import { env } from "@/lib/env";
import { getSiteSettings } from "@/lib/site/queries";

export const dynamic = "force-dynamic";

/** The Google News sitemap: articles of the last 48 hours, with publication name and language. */
export async function GET() {
  const siteUrl = env().SITE_URL;
  const [settings, articles] = await Promise.all([getSiteSettings(), getNewsSitemapArticles()]);
  return xmlResponse(
    newsSitemap(
      articles.map((a) => ({ loc: `${siteUrl}${a.path}`, title: a.title, publishedAt: a.publishedAt })),
      { name: settings.siteName, language: languageOf(settings.locale) },
    ),
  );
}
