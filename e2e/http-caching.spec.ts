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

  test("a card's AVIF is served as AVIF, the same bytes each time, cached for good by browsers and CDNs (that it is encoded once: lib/media/private-drafts.test.ts)", async ({ request }) => {
    const html = await (await request.get("/")).text();
    const src = /<source type="image\/avif" srcSet="(\/media\/[0-9a-f]{32}\/\d+\.avif)/.exec(html)?.[1];
    expect(src, "home shows a stored image's AVIF").toBeTruthy();
    const first = await request.get(src!);
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toBe("image/avif");
    expect(first.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    const again = await request.get(src!);
    expect(Buffer.compare(await again.body(), await first.body())).toBe(0);
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
