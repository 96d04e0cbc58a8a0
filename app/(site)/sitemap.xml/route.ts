import { getSitemapEntries } from "@/lib/feeds/cached";
import { xmlResponse } from "@/lib/feeds/respond";
import { sitemap } from "@/lib/feeds/xml";
import { env } from "@/lib/env";
import { listPublishedPages } from "@/lib/pages/cached";

export const dynamic = "force-dynamic";

/** Every public page a search engine should know: home, sections, articles, authors, tags and static pages, with lastmod. */
export async function GET() {
  const siteUrl = env().SITE_URL;
  const [entries, pages] = await Promise.all([getSitemapEntries(), listPublishedPages()]);
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
