import { XMLParser, XMLValidator } from "fast-xml-parser";
import { expect, test } from "./fixtures";
import { archive } from "./support/archive";
import { authors, sections } from "../scripts/seed/fixtures";
import { seedArticles } from "../scripts/seed/demo";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["item", "url", "category"].includes(name) });
const rfc822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

type Item = { title: string; link: string; guid: { "#text": string; "@_isPermaLink": string }; pubDate: string; "dc:creator": string; category: string[]; description: string };

async function fetchXml(request: import("@playwright/test").APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  const text = await response.text();
  expect(XMLValidator.validate(text), path).toBe(true);
  return { doc: parser.parse(text), headers: response.headers() };
}

test.describe("RSS feeds", () => {
  test("/feed.xml is RSS 2.0 with the latest 50 articles, newest first", async ({ request, baseURL }) => {
    const { doc, headers } = await fetchXml(request, "/feed.xml");
    expect(headers["content-type"]).toContain("application/rss+xml");
    expect(headers["cache-control"]).toMatch(/public/);
    expect(doc.rss["@_version"]).toBe("2.0");
    const channel = doc.rss.channel;
    expect(channel.title).toBe("Gazette");
    expect(channel["atom:link"]).toMatchObject({ "@_href": `${baseURL}/feed.xml`, "@_rel": "self", "@_type": "application/rss+xml" });
    const items = channel.item as Item[];
    expect(items).toHaveLength(Math.min(50, seedArticles.length + archive.count));
    const dates = items.map((i) => Date.parse(i.pubDate));
    expect(dates.every((d, n) => n === 0 || dates[n - 1]! >= d)).toBe(true);
    for (const item of items) {
      expect(item.pubDate).toMatch(rfc822);
      expect(item.link).toMatch(new RegExp(`^${baseURL}/[a-z-]+/[a-z0-9-]+$`));
      expect(item.guid["@_isPermaLink"]).toBe("false");
      // dc:creator alone: the W3C feed validator warns on an RSS author beside it
      expect(item).not.toHaveProperty("author");
      expect(item["dc:creator"]).toMatch(/\S/);
      expect(item.category.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(items.map((i) => i.guid["#text"])).size).toBe(items.length);
    const newest = [...seedArticles].sort((a, b) => a.daysAgo - b.daysAgo)[0]!;
    const first = items.find((i) => i.title === newest.title);
    expect(first?.["dc:creator"]).toBe(authors.find((a) => a.slug === newest.author)!.name);
    expect(first?.category).toContain(sections.find((s) => s.slug === newest.section)!.name);
  });

  test("/{section}/feed.xml lists only that section", async ({ request, baseURL }) => {
    const { doc } = await fetchXml(request, "/culture/feed.xml");
    const items = doc.rss.channel.item as Item[];
    // Other specs publish articles as they run: every item is from Culture, and every seeded
    // Culture article is there.
    for (const item of items) expect(item.link, item.title).toMatch(new RegExp(`^${baseURL}/culture/`));
    expect(items.map((i) => i.title)).toEqual(expect.arrayContaining(seedArticles.filter((a) => a.section === "culture").map((a) => a.title)));
    expect(doc.rss.channel["atom:link"]["@_href"]).toBe(`${baseURL}/culture/feed.xml`);
    expect((await request.get("/no-such-section/feed.xml")).status()).toBe(404);
  });
});

test.describe("search-engine files", () => {
  test("/sitemap.xml lists home, sections, articles, authors and tags with lastmod", async ({ request, baseURL }) => {
    const { doc } = await fetchXml(request, "/sitemap.xml");
    expect(doc.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const urls = doc.urlset.url as { loc: string; lastmod?: string }[];
    const locs = new Set(urls.map((u) => u.loc));
    expect(locs.has(`${baseURL}/`)).toBe(true);
    for (const s of sections) expect(locs.has(`${baseURL}/${s.slug}`), s.slug).toBe(true);
    for (const a of seedArticles) expect(locs.has(`${baseURL}/${a.section}/${a.slug}`), a.slug).toBe(true);
    for (const a of authors) expect(locs.has(`${baseURL}/author/${a.slug}`), a.slug).toBe(true);
    expect(locs.has(`${baseURL}/tag/${archive.tag.slug}`)).toBe(true);
    expect([...locs].some((l) => l.includes("harbour-district-budget-draft"))).toBe(false);
    for (const u of urls) expect(u.lastmod, u.loc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(urls.length).toBe(locs.size);
  });

  test("/news-sitemap.xml follows Google News: the last 48 hours, with publication name and language", async ({ request, baseURL }) => {
    const [{ doc: news }, { doc: all }] = await Promise.all([fetchXml(request, "/news-sitemap.xml"), fetchXml(request, "/sitemap.xml")]);
    expect(news.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    type NewsUrl = { loc: string; "news:news": { "news:publication": { "news:name": string; "news:language": string }; "news:publication_date": string; "news:title": string } };
    const entries = (news.urlset.url ?? []) as NewsUrl[];
    const now = Date.now();
    const window = 48 * 60 * 60 * 1000;
    // Articles are never revised in the seed, so the main sitemap's lastmod is the publication
    // time. The news sitemap may be up to 15 minutes old: articles that turned 48 hours old
    // since may still be in it, but every younger one must be.
    const articles = (all.urlset.url as { loc: string; lastmod: string }[]).filter((u) =>
      /^[^/]+\/\/[^/]+\/(?!author\/|tag\/)[a-z-]+\/[a-z0-9-]+$/.test(u.loc),
    );
    const age = (iso: string) => now - Date.parse(iso);
    const recent = articles.filter((u) => age(u.lastmod) < window - 60_000).map((u) => u.loc);
    const allowed = new Set(articles.filter((u) => age(u.lastmod) < window + 16 * 60_000).map((u) => u.loc));
    expect(recent.length).toBeGreaterThan(0);
    const listed = entries.map((e) => e.loc);
    for (const loc of recent) expect(listed, loc).toContain(loc);
    for (const loc of listed) expect(allowed.has(loc), loc).toBe(true);
    for (const e of entries) {
      expect(e["news:news"]["news:publication"]).toEqual({ "news:name": "Gazette", "news:language": "en" });
      expect(age(e["news:news"]["news:publication_date"])).toBeLessThan(window + 16 * 60_000);
      expect(e["news:news"]["news:title"]).toBeTruthy();
      expect(e.loc.startsWith(`${baseURL}/`)).toBe(true);
    }
  });

  test("/robots.txt keeps crawlers out of staff routes and names both sitemaps", async ({ request, baseURL }) => {
    const response = await request.get("/robots.txt");
    expect(response.headers()["content-type"]).toContain("text/plain");
    const lines = (await response.text()).split("\n");
    for (const path of ["/editor", "/moderation", "/admin", "/login"]) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
    expect(lines).not.toContain("Disallow: /");
  });
});
