import type { APIRequestContext } from "@playwright/test";
import { expect, richestArticle, test } from "./fixtures";
import { archive } from "./support/archive";

// Runs alone, after every other spec (its own Playwright project), so that the server's query
// counter moves only with the requests made here.
test.describe.configure({ mode: "serial" });

const article = richestArticle();
const articlePath = `/${article.section}/${article.slug}`;
const pages = {
  home: "/",
  section: `/${archive.section}`,
  sectionPage: `/${archive.section}?page=2`,
  article: articlePath,
  author: `/author/${archive.author}`,
  tag: `/tag/${archive.tag.slug}`,
  feed: "/feed.xml",
  sectionFeed: `/${archive.section}/feed.xml`,
  sitemap: "/sitemap.xml",
  newsSitemap: "/news-sitemap.xml",
  search: "/search?q=harbour",
  // the article's share card, drawn by app/(site)/[section]/[slug]/og.png
  ogCard: `${articlePath}/og.png`,
};

async function queries(request: APIRequestContext): Promise<number> {
  const response = await request.get("/api/test/queries");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { queries: number }).queries;
}

/** The statements the server sends to the database while `paths` are fetched. */
async function queriesFor(request: APIRequestContext, paths: string[]) {
  const before = await queries(request);
  for (const path of paths) expect((await request.get(path)).status(), path).toBe(200);
  return (await queries(request)) - before;
}

async function revalidate(request: APIRequestContext, tag: string) {
  expect((await request.post(`/api/test/revalidate?tag=${encodeURIComponent(tag)}`)).status()).toBe(200);
}

test("once cached, every reader page and feed is served without a database query", async ({ request }) => {
  const paths = Object.values(pages);
  await queriesFor(request, paths);
  expect(await queriesFor(request, paths)).toBe(0);
  // A search is a cached page too, whatever else the address carries.
  const searchVariants = ["/search?q=harbour&utm_source=x", "/search?utm_source=x&q=harbour&page=1"];
  const cachedRoutes = [pages.sitemap, pages.newsSitemap, pages.ogCard];
  for (const path of [pages.home, pages.section, pages.sectionPage, pages.article, pages.author, pages.tag, pages.search, ...searchVariants, ...cachedRoutes]) {
    expect((await request.get(path)).headers()["x-nextjs-cache"], path).toBe("HIT");
  }
});

test("the counter sees a render that reaches the database", async ({ request }) => {
  // A search nobody has made yet cannot come from the cache.
  expect(await queriesFor(request, [`/search?q=ferry+${Date.now()}`])).toBeGreaterThan(0);
});

test("revalidating a tag refreshes exactly the pages that show its data", async ({ request }) => {
  const html = await (await request.get(articlePath)).text();
  const articleId = /name="articleId" value="(\d+)"/.exec(html)?.[1];
  expect(articleId).toBeTruthy();
  const cases: [tag: string, refreshed: string[], untouched: string[]][] = [
    ["home", [pages.home], [pages.section, pages.author, pages.tag]],
    [`section:${archive.section}`, [pages.section, pages.sectionPage], [pages.home, pages.tag, "/politics"]],
    [`author:${archive.author}`, [pages.author], [pages.home, pages.section]],
    [`tag:${archive.tag.slug}`, [pages.tag], [pages.home, pages.author]],
    [`article:${articleId}`, [pages.article], [pages.home, pages.section]],
    ["feeds", [pages.feed, pages.sitemap, pages.newsSitemap, pages.search], [pages.author, pages.tag, pages.ogCard]],
    // The share card shows the article and the site's name. (Only the first page refreshed
    // after a tag that many share is sure to ask the database: the next finds the data cached.)
    [`article-slug:${article.slug}`, [pages.article, pages.ogCard], [pages.home, pages.sitemap, pages.newsSitemap]],
    ["settings", [pages.ogCard], [pages.sitemap]],
  ];
  const everything = [...Object.values(pages), "/politics"];
  for (const [tag, refreshed, untouched] of cases) {
    await queriesFor(request, everything);
    expect(await queriesFor(request, everything), `warm before ${tag}`).toBe(0);
    await revalidate(request, tag);
    expect(await queriesFor(request, untouched), `${tag} left these alone`).toBe(0);
    for (const path of refreshed) {
      // The first request after the tag expired renders the page again (in the background
      // when Next.js serves the stale copy); either way the database is asked.
      const before = await queries(request);
      await request.get(path);
      await expect.poll(async () => (await queries(request)) - before, { message: `${tag} refreshes ${path}` }).toBeGreaterThan(0);
    }
  }
});

/** The statements of a cold render of a page nobody asked for yet, requested `n` times at once. */
async function coldRender(request: APIRequestContext, n: number) {
  // The data every page shares goes cold too: the site settings and the section list.
  await revalidate(request, "settings");
  await revalidate(request, "sections");
  const path = `/search?q=harbour+${Date.now()}`;
  const before = await queries(request);
  const responses = await Promise.all(Array.from({ length: n }, () => request.get(path)));
  for (const response of responses) expect(response.status()).toBe(200);
  const { statements } = (await (await request.get(`/api/test/queries?since=${before}`)).json()) as { statements: string[] };
  expect(statements.length, "the cold render reached the database").toBeGreaterThan(0);
  return statements;
}

const settingsQuery = (s: string) => s.includes('from "site_settings"');
const repeated = (statements: string[]) => statements.filter((s, i) => statements.indexOf(s) !== i);

test("simultaneous misses for a cold page are merged: eight requests send each of the page's statements once", async ({ request }) => {
  const statements = await coldRender(request, 8);
  expect(repeated(statements.filter((s) => !settingsQuery(s))), "statements sent more than once").toEqual([]);
});

// The layout, the metadata and the page ask for the settings one after another, after the
// first has missed: React's cache() in lib/cache/cached.ts hands the later ones its answer.
// (The footer's page list, a cached entry of its own, reads its one column of the row.)
test("a cold render reads the site settings once", async ({ request }) => {
  const statements = await coldRender(request, 1);
  expect(statements.filter((s) => settingsQuery(s) && s.includes('"site_name"'))).toHaveLength(1);
  expect(repeated(statements), "statements sent more than once").toEqual([]);
});
