import { expect, test } from "./fixtures";
import { seedArticles } from "../scripts/seed/demo";
import { signedInPage } from "./pages/staff-pages";
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
    // a "/" keeps a search off the cached route: these render per request
    ["a search the page cache does not take, past the last page", "/search?q=harbour%2Fship&page=99"],
    ["a search the page cache does not take, with a page that is not a number", "/search?q=harbour%2Fship&page=abc"],
    ["an article's comment page past the last", `/${article.section}/${article.slug}/comments/99`],
    ["the report form of a comment that cannot exist", `/${article.section}/${article.slug}/comment/0/report`],
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
        expect(await page.evaluate(() => document.styleSheets.length), "stylesheets, inline or linked").toBeGreaterThan(0);
        await expect(page.getByRole("link", { name: "Skip to content" })).not.toBeInViewport();
        expect(await page.evaluate(() => document.documentElement.id)).not.toBe("__next_error__");
      });
    }
  });

  test("a newsroom address that names nothing answers 404 with the newsroom's page, whole without JavaScript", async ({ browser }) => {
    const staffPaths = [
      ["an unknown article in the editor", "/editor/articles/999999"],
      ["an article id that is not a number", "/editor/articles/abc"],
      ["an unknown revision", "/editor/articles/999999/revisions/1"],
      ["an unknown page in the editor", "/editor/pages/999999"],
      ["an unknown admin screen", "/admin/unknown"],
      ["an unknown moderation queue", "/moderation/x"],
      ["a path deep under the dashboard", "/dashboard/x/y"],
      ["the newsroom's not-found page itself", "/dashboard/not-found"],
    ];
    // a sign-in and nine pages, each rendered twice (the empty document, then the page sent instead)
    test.setTimeout(120_000);
    const signedIn = await signedInPage(browser, "admin");
    const context = await browser.newContext({ javaScriptEnabled: false, storageState: await signedIn.context().storageState() });
    const page = await context.newPage();
    for (const [name, path] of staffPaths) {
      await test.step(name!, async () => {
        const response = await page.goto(path!);
        expect(response?.status(), path).toBe(404);
        expect(new URL(page.url()).pathname, "no redirect").toBe(path);
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await expect(page).toHaveTitle("Page not found | Newsroom");
        await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
        await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Articles" })).toBeVisible();
        await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
        await expect(page.getByRole("link", { name: "Back to the dashboard" })).toHaveAttribute("href", "/dashboard");
        expect(await page.evaluate(() => document.styleSheets.length), "stylesheets, inline or linked").toBeGreaterThan(0);
        await expect(page.getByRole("link", { name: "Skip to content" })).not.toBeInViewport();
        expect(await page.evaluate(() => document.documentElement.id)).not.toBe("__next_error__");
      });
    }
    // With JavaScript the same page hydrates, in the newsroom's frame, at the address asked for.
    const response = await signedIn.goto("/editor/articles/999999");
    expect(response?.status()).toBe(404);
    await expect(signedIn.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await signedIn.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Articles" }).click();
    await expect(signedIn).toHaveURL(/\/editor$/);
    await context.close();
    await signedIn.context().close();
  });

  test("a draft is invisible, even by its exact URL", async ({ page, draft, request }) => {
    const response = await page.goto(`/${draft.section}/${draft.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(draft.title)).toHaveCount(0);
    const home = await request.get("/");
    expect(await home.text()).not.toContain(draft.title);
  });
});
