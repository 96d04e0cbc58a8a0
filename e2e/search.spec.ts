import { expect, test } from "./fixtures";
import { archive } from "./support/archive";
import { seedArticles } from "../scripts/seed/demo";

test.describe("search", () => {
  test("finds articles by relevance and highlights the matches", async ({ searchPage, page }) => {
    await searchPage.open("seagrass");
    const seagrass = seedArticles.filter((a) => /seagrass/i.test(a.title));
    await expect(searchPage.status).toHaveText(`${seagrass.length} articles match “seagrass”.`);
    await expect(searchPage.hits).toHaveCount(seagrass.length);
    // Both have the word in their title; every snippet marks it.
    for (const hit of await searchPage.hits.all()) {
      await expect(hit.locator("mark").first()).toHaveText(/^seagrass$/i);
    }
    await expect(searchPage.query).toHaveValue("seagrass");
    await expect(page).toHaveTitle("Search: seagrass | Gazette");
  });

  test("understands quotes, -word and or", async ({ searchPage }) => {
    const caldera = "Seagrass meadows off Caldera Bay are recovering faster than expected";
    const calloway = "Seagrass meadows in Calloway Bay recovering faster than expected, survey finds";
    await searchPage.open("seagrass");
    await expect(searchPage.hits).toHaveCount(2);
    expect((await searchPage.hits.getByRole("heading").allTextContents()).sort()).toEqual([calloway, caldera].sort());

    await searchPage.open("seagrass -calloway");
    await expect(searchPage.hits.getByRole("heading")).toHaveText([caldera]);

    await searchPage.open(`"meadows in Calloway"`);
    await expect(searchPage.hits.getByRole("heading")).toHaveText([calloway]);
    await searchPage.open(`"meadows Calloway"`);
    await expect(searchPage.status).toContainText("No articles match");

    await searchPage.open(`${archive.word} or seagrass`);
    await expect(searchPage.status).toContainText(`${archive.count + 2} articles match`);
  });

  test("pages through many results", async ({ searchPage, page }) => {
    await searchPage.open(archive.word);
    await expect(searchPage.hits).toHaveCount(20);
    await searchPage.pagination.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${archive.word}&page=2$`));
    await expect(searchPage.hits).toHaveCount(20);
    await searchPage.pagination.getByRole("link", { name: "Next page" }).click();
    await expect(searchPage.hits).toHaveCount(archive.count - 40);
    expect((await searchPage.open(archive.word, 4))?.status()).toBe(404);
  });

  test("explains an empty query, stop words and a query that is too long", async ({ searchPage }) => {
    await searchPage.goto("/search");
    await expect(searchPage.status).toHaveText("Type a word or a phrase to search every published article.");
    await searchPage.open("   ");
    await expect(searchPage.status).toHaveText("Type a word or a phrase to search every published article.");

    for (const q of ["the and of", "!!! ???", '"" - or']) {
      const response = await searchPage.open(q);
      expect(response?.status()).toBe(200);
      await expect(searchPage.status).toContainText("has no words to search for");
    }

    const response = await searchPage.open("x".repeat(10 * 1024));
    expect(response?.status()).toBe(200);
    await expect(searchPage.status).toContainText("That search is 10,240 characters long. Searches can be up to 200 characters");

    await searchPage.open("zzyzxqvv");
    await expect(searchPage.status).toHaveText("No articles match “zzyzxqvv”. Check the spelling, or try fewer or other words.");
  });

  test("is a cached page per query; queries with path characters still work", async ({ request, searchPage }) => {
    const query = `harbour ${Date.now()}`;
    const first = await request.get(`/search?q=${encodeURIComponent(query)}`);
    expect(first.headers()["x-nextjs-cache"]).toBe("MISS");
    expect((await request.get(`/search?q=${encodeURIComponent(query)}`)).headers()["x-nextjs-cache"]).toBe("HIT");
    // "/", "%", "?", "#", "\\" and a lone ".." cannot go into the cached page's path: these render per request.
    for (const typed of ["24/7 harbour", "100% harbour", "harbour?", "C# harbour", "a\\b", ".."]) {
      await searchPage.open(typed);
      await expect(searchPage.query).toHaveValue(typed);
      await expect(searchPage.status).toContainText(`“${typed}”`);
    }
    // Tabs and line breaks vanish when a URL is parsed, so "..<tab>" would become "..": such a
    // query is answered at /search itself, never through the cached page's path.
    for (const q of ["..%09", ".%0A.", ".%0D", "%09..%09"]) {
      const response = await request.get(`/search?q=${q}`);
      expect(response.status(), q).toBe(200);
      expect(response.headers()["x-nextjs-cache"], q).toBeUndefined();
      expect(await response.text(), q).toContain("<h1");
    }
    for (const path of ["/search?q=harbour&page=999", "/search?q=harbour&page=abc", "/search?q=harbour&page=0", "/search?q=harbour&page=01"]) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    // The cached page's own address is not one readers use: it sends them to theirs.
    const direct = await request.get("/search/harbour/2", { maxRedirects: 0 });
    expect(direct.status()).toBe(308);
    expect(direct.headers().location).toBe("/search?q=harbour&page=2");
  });

  test("shows hostile queries as text", async ({ searchPage, page }) => {
    let dialog = false;
    page.on("dialog", async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await searchPage.open(`<img src=x onerror=alert(1)><script>alert(2)</script>`);
    await expect(searchPage.status).toContainText("<img src=x onerror=alert(1)><script>alert(2)</script>");
    await expect(page.locator("main img")).toHaveCount(0);
    expect(dialog).toBe(false);
  });

  test("is usable from the keyboard, from the header box to a result", async ({ reader, page }) => {
    await reader.goto("/");
    await page.keyboard.press("Tab"); // the skip link
    await page.keyboard.press("Tab"); // the site name
    await page.keyboard.press("Tab");
    await expect(reader.searchBox).toBeFocused();
    await page.keyboard.type("harbour");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=harbour$/);
    const firstResult = page.getByRole("main").locator("h2 a").first();
    await firstResult.focus();
    const title = await firstResult.textContent();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  });
});
