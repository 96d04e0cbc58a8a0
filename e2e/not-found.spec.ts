import { expect, test } from "./fixtures";
import { seedArticles } from "../scripts/seed/demo";
import { archive } from "./support/archive";

const article = seedArticles[0]!;

test.describe("pages that do not exist", () => {
  const paths = [
    ["an unknown section", "/no-such-section"],
    ["an unknown article", `/${article.section}/no-such-article`],
    ["an article under the wrong, unknown section", `/no-such-section/${article.slug}`],
    ["a path below an article", `/${article.section}/${article.slug}/extra/parts`],
    ["a very long slug", `/${article.section}/${"a".repeat(3000)}`],
    ["percent-encoded control and override characters", "/%E2%80%AE%00/%2e%2e%2f%2e%2e"],
    ["malformed percent-encoding under a section", `/${article.section}/%FF%FE`],
    ["an unknown author", "/author/nobody-here"],
    ["an unknown tag", "/tag/nothing-here"],
    ["a section page past the last", `/${archive.section}?page=99`],
    ["an author page past the last", `/author/${archive.author}?page=99`],
    ["a tag page past the last", `/tag/${archive.tag.slug}?page=99`],
    ["a search page past the last", "/search?q=harbour&page=99"],
    ["a search page that is not a number", "/search?q=harbour&page=abc"],
  ];
  for (const [name, path] of paths) {
    test(`${name} answers 404 with the site's page`, async ({ page }) => {
      const response = await page.goto(path!);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the front page" })).toHaveAttribute("href", "/");
    });
  }

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    for (const [name, path] of paths) {
      test(`${name} is a whole page from the server`, async ({ page }) => {
        const response = await page.goto(path!);
        expect(response?.status()).toBe(404);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await expect(page).toHaveTitle("Page not found | Gazette");
        await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
        await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "World" })).toBeVisible();
        await expect(page.getByRole("searchbox", { name: "Search articles" })).toBeVisible();
        // the stylesheet arrived and applies: the skip link is moved off-screen until focused
        expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0);
        await expect(page.getByRole("link", { name: "Skip to content" })).not.toBeInViewport();
        expect(await page.evaluate(() => document.documentElement.id)).not.toBe("__next_error__");
      });
    }
  });

  test("a draft is invisible, even by its exact URL", async ({ page, draft, request }) => {
    const response = await page.goto(`/${draft.section}/${draft.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(draft.title)).toHaveCount(0);
    const home = await request.get("/");
    expect(await home.text()).not.toContain(draft.title);
  });
});
