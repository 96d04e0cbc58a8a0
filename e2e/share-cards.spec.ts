import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, richestArticle, test } from "./fixtures";
import { seedArticles } from "../scripts/seed/demo";
import { hasDemoHero } from "../scripts/seed/heroes";
import { archive } from "./support/archive";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

const article = richestArticle();

const meta = (page: Page, key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");

async function structuredData(page: Page, type: string) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as Record<string, unknown>).find((d) => d["@type"] === type);
}

test.describe("icons and share cards", () => {
  test("the favicon and the touch icon are there, and every page names them", async ({ page, request }) => {
    const favicon = await request.get("/favicon.ico");
    expect(favicon.status()).toBe(200);
    expect(favicon.headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
    await page.goto(`/${archive.section}`);
    const icons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) =>
      links.map((l) => ({ rel: l.getAttribute("rel"), href: l.getAttribute("href")! })),
    );
    expect(icons.map((i) => i.rel)).toEqual(expect.arrayContaining(["icon", "apple-touch-icon"]));
    for (const icon of icons) expect((await request.get(icon.href)).status(), icon.href).toBe(200);
  });

  test("home and section fronts share the site's logo, name and locale", async ({ page, request, baseURL }) => {
    for (const path of ["/", `/${archive.section}`]) {
      await page.goto(path);
      expect(await meta(page, "og:site_name"), path).toBe("Gazette");
      expect(await meta(page, "og:locale"), path).toBe("en_US");
      expect(await meta(page, "og:image"), path).toBe(`${baseURL}/logo.png`);
      expect(await meta(page, "og:image:alt"), path).toBe("Gazette logo");
      expect(await meta(page, "twitter:image"), path).toBe(`${baseURL}/logo.png`);
      expect(await meta(page, "twitter:image:alt"), path).toBe("Gazette logo");
    }
    expect((await request.get("/logo.png")).headers()["content-type"]).toBe("image/png");
    await expect(page.getByRole("banner").getByRole("link", { name: "Gazette" }).locator("img")).toHaveAttribute("src", "/logo.png");
    await page.goto("/");
    const organization = await structuredData(page, "Organization");
    expect(organization?.logo).toBe(`${baseURL}/logo.png`);
  });

  test("an article names its author's page and its publisher's logo", async ({ page, baseURL }) => {
    await page.goto(`/${article.section}/${article.slug}`);
    expect(await meta(page, "article:author")).toBe(`${baseURL}/author/${article.author}`);
    expect(await meta(page, "og:site_name")).toBe("Gazette");
    const news = await structuredData(page, "NewsArticle");
    expect(news?.publisher).toMatchObject({ "@type": "Organization", name: "Gazette", logo: { "@type": "ImageObject", url: `${baseURL}/logo.png` } });
  });

  test("an article with a hero offers it in 16:9, 4:3 and 1:1", async ({ page, request }) => {
    const pictured = seedArticles.find(hasDemoHero)!;
    await page.goto(`/${pictured.section}/${pictured.slug}`);
    const images = (await structuredData(page, "NewsArticle"))?.image as string[];
    expect(images.map((u) => new URL(u).pathname.split("/").pop())).toEqual(["16x9.webp", "4x3.webp", "1x1.webp"]);
    const ratios = [];
    for (const url of images) {
      const response = await request.get(new URL(url).pathname);
      expect(response.headers()["content-type"]).toBe("image/webp");
      // a WebP's VP8 header holds the picture's size at bytes 26 to 29 (14 bits each)
      const bytes = await response.body();
      ratios.push(Math.round(((bytes.readUInt16LE(26) & 0x3fff) / (bytes.readUInt16LE(28) & 0x3fff)) * 100) / 100);
    }
    expect(ratios).toEqual([1.78, 1.33, 1]);
  });
});

// The share card and the sitemaps are cached like reader pages (e2e/cache.spec.ts shows a
// cached copy costs no query); a publish must still show in them at once.
test("a publish refreshes the cached share card and sitemaps", async ({ browser, request }) => {
  const id = randomBytes(4).toString("hex");
  const slug = `lighthouse-keepers-return-${id}`;
  const card = `/culture/${slug}/og.png`;
  const cacheState = async (path: string) => (await request.get(path)).headers()["x-nextjs-cache"];
  for (const path of ["/sitemap.xml", "/news-sitemap.xml"]) await expect.poll(() => cacheState(path), { message: path }).toBe("HIT");
  expect(await (await request.get("/sitemap.xml")).text()).not.toContain(slug);
  expect((await request.get(card)).status()).toBe(404);

  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Lighthouse keepers return ${id}`, body: "The lamp is lit again.", section: "Culture", author: "Tomáš Novák" });
  await form.button("Publish").click();
  await form.articleId();
  await editor.context().close();

  await expect.poll(async () => (await request.get("/sitemap.xml")).text()).toContain(`/culture/${slug}<`);
  await expect.poll(async () => (await request.get("/news-sitemap.xml")).text()).toContain(`/culture/${slug}<`);
  await expect.poll(async () => (await request.get(card)).status()).toBe(200);
  const picture = await request.get(card);
  expect(picture.headers()["content-type"]).toBe("image/png");
  expect((await picture.body()).subarray(1, 4).toString()).toBe("PNG");
  await expect.poll(() => cacheState(card)).toBe("HIT");
});
