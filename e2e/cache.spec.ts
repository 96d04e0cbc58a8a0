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
  for (const path of [pages.home, pages.section, pages.sectionPage, pages.article, pages.author, pages.tag, pages.search, ...searchVariants]) {
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
    ["feeds", [pages.feed, pages.sitemap, pages.newsSitemap, pages.search], [pages.author, pages.tag]],
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
