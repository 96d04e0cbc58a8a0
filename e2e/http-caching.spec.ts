import { expect, richestArticle, test } from "./fixtures";

// What a CDN or nginx in front is told (README, "HTTP caching"): reader pages may be shared
// briefly, with a validator; what a form post answers may never be stored.
const article = richestArticle();
const readerPage = /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/;

test.describe("HTTP caching headers", () => {
  for (const path of ["/", `/${article.section}`, `/${article.section}/${article.slug}`]) {
    test(`reader page ${path} may be cached by a shared cache, with an ETag`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(200);
      expect(res.headers()["cache-control"]).toMatch(readerPage);
      expect(res.headers()["etag"]).toMatch(/^W\/".+"$/);
    });
  }

  test("an optimized image is encoded once, then served from the cache", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const src = /<img[^>]+src="(\/_next\/image\?[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    expect(src, "home shows an image through next/image").toBeTruthy();
    const asBrowser = { headers: { accept: "image/avif,image/webp,*/*" } };
    const first = await request.get(src!, asBrowser);
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("image/avif");
    await expect.poll(async () => (await request.get(src!, asBrowser)).headers()["x-nextjs-cache"]).toBe("HIT");
  });

  test("an unknown page's 404 is shared the same way, briefly", async ({ request }) => {
    const res = await request.get(`/${article.section}/no-such-story-here`);
    expect(res.status()).toBe(404);
    expect(res.headers()["cache-control"]).toMatch(readerPage);
  });

  test("a comment post's response is never stored", async ({ articlePage, page }) => {
    await articlePage.goto(article);
    const posted = page.waitForResponse((res) => res.request().method() === "POST");
    await articlePage.postComment({ Comment: "Headers check.", Name: "Cache Reader", Email: "cache@example.net" });
    const res = await posted;
    const cacheControl = res.headers()["cache-control"] ?? "";
    expect(cacheControl).toContain("no-store");
    expect(cacheControl).not.toContain("public");
    expect(cacheControl).not.toContain("s-maxage");
  });

  test("the health check is never stored", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.headers()["cache-control"]).toBe("no-store");
  });
});
