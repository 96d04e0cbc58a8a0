// Feeds and sitemaps as plain strings: a few fixed shapes, with every piece of text escaped.

/** Escapes text for XML and drops the characters XML 1.0 forbids (most control characters). */
export function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const el = (name: string, text: string, attrs = "") => `<${name}${attrs}>${escapeXml(text)}</${name}>`;

/** RFC 822 date-time, as RSS 2.0 wants for pubDate: "Tue, 05 May 2026 09:30:00 GMT". */
export const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** The RSS/News language code of a locale: "en-US" → "en"; Chinese keeps its script region. */
export function languageOf(locale: string): string {
  const lower = locale.toLowerCase();
  if (lower === "zh-cn" || lower === "zh-tw") return lower;
  return lower.split(/[-_]/)[0] || "en";
}

export type FeedItem = {
  id: number;
  url: string;
  title: string;
  description: string;
  contentHtml?: string;
  publishedAt: string;
  author: string;
  categories: string[];
};

export type Feed = {
  title: string;
  description: string;
  /** the site or section page the feed belongs to */
  link: string;
  /** the feed's own address, for atom:link rel="self" */
  self: string;
  language: string;
  siteUrl: string;
  items: FeedItem[];
};

export function rss(feed: Feed): string {
  const newest = feed.items[0]?.publishedAt;
  const items = feed.items.map((item) =>
    [
      "<item>",
      el("title", item.title),
      el("link", item.url),
      // Stable across a change of slug or section, so readers never see an article twice.
      el("guid", `${feed.siteUrl}/#article-${item.id}`, ' isPermaLink="false"'),
      el("pubDate", rfc822(item.publishedAt)),
      // RSS 2.0's <author> must be an email address, and Gazette has none to publish: the name
      // goes in dc:creator alone (the W3C validator warns on both together).
      el("dc:creator", item.author),
      ...item.categories.map((c) => el("category", c)),
      el("description", item.description),
      item.contentHtml ? el("content:encoded", item.contentHtml) : "",
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    "<channel>",
    el("title", feed.title),
    el("link", feed.link),
    el("description", feed.description),
    el("language", feed.language),
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    newest ? el("lastBuildDate", rfc822(newest)) : "",
    el("generator", "Gazette"),
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}

export type SitemapUrl = { loc: string; lastmod?: string };

export function sitemap(urls: SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url>${el("loc", u.loc)}${u.lastmod ? el("lastmod", u.lastmod) : ""}</url>`),
    "</urlset>",
  ].join("\n");
}

export type NewsUrl = { loc: string; title: string; publishedAt: string };

/** A Google News sitemap: publication name and language on every entry. */
export function newsSitemap(urls: NewsUrl[], publication: { name: string; language: string }): string {
  const pub = `<news:publication>${el("news:name", publication.name)}${el("news:language", publication.language)}</news:publication>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls.map(
      (u) =>
        `<url>${el("loc", u.loc)}<news:news>${pub}${el("news:publication_date", u.publishedAt)}${el("news:title", u.title)}</news:news></url>`,
    ),
    "</urlset>",
  ].join("\n");
}
