import { listNewsSitemapArticles, listSitemapEntries } from "@/lib/feeds/cached";
import { xmlResponse } from "@/lib/feeds/respond";
import { languageOf, newsSitemap, sitemap } from "@/lib/feeds/xml";
import { env } from "@/lib/env";
import { listPublishedPages } from "@/lib/pages/cached";
import { getSiteSettings } from "@/lib/site/cached";

// The sitemaps, served at /sitemap.xml and /news-sitemap.xml through rewrites (next.config.mjs).
// As a dynamic route that prerenders nothing, each is rendered on its first request (so the
// build never opens the database) and then served from the cache like a reader page. The
// cached response carries the tags of the data it was built from (`feeds`, `sections`,
// `pages`, `settings`), so the actions that change those refresh it; the news sitemap also
// expires after 15 minutes, as articles leave its 48-hour window with time alone.
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

/** Every public page a search engine should know: home, sections, articles, authors, tags and static pages, with lastmod. */
async function fullSitemap() {
  const siteUrl = env().SITE_URL;
  const [entries, pages] = await Promise.all([listSitemapEntries(), listPublishedPages()]);
  const newest = entries.articles[0]?.lastmod;
  const url = (e: { path: string; lastmod: string | null }) => ({ loc: `${siteUrl}${e.path}`, lastmod: e.lastmod ?? undefined });
  return xmlResponse(
    sitemap([
      { loc: `${siteUrl}/`, lastmod: newest },
      ...entries.sections.map(url),
      ...entries.articles.map(url),
      ...entries.authors.map(url),
      ...entries.tags.map(url),
      ...pages.map(url),
    ]),
  );
}

/** The Google News sitemap: articles of the last 48 hours, with publication name and language. */
async function googleNewsSitemap() {
  const siteUrl = env().SITE_URL;
  const [settings, articles] = await Promise.all([getSiteSettings(), listNewsSitemapArticles()]);
  return xmlResponse(
    newsSitemap(
      articles.map((a) => ({ loc: `${siteUrl}${a.path}`, title: a.title, publishedAt: a.publishedAt })),
      { name: settings.siteName, language: languageOf(settings.locale) },
    ),
  );
}

const sitemaps: Record<string, () => Promise<Response>> = {
  "sitemap.xml": fullSitemap,
  "news-sitemap.xml": googleNewsSitemap,
};

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const build = sitemaps[(await params).name];
  return build ? build() : new Response("Not found", { status: 404 });
}
