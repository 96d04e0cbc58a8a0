import { expect, test } from "./fixtures";
import { archive } from "./support/archive";
import { authors, sections } from "../scripts/seed/fixtures";
import { seedArticles } from "../scripts/seed/demo";
import { hasDemoHero } from "../scripts/seed/heroes";

const mustReadTitles = seedArticles.filter((a) => a.mustRead).map((a) => a.title);
const times = (list: import("@playwright/test").Locator) => list.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")!));
const isNewestFirst = (values: string[]) => values.every((v, i) => i === 0 || values[i - 1]! >= v);

test.describe("the front page", () => {
  test("leads with the newest must-read, then top stories, a block per section, Must Read and Stay Connected", async ({ reader, page }) => {
    await reader.goto("/");
    const lead = page.getByRole("region", { name: "Lead story" });
    const leadTitle = (await lead.getByRole("heading", { level: 2 }).textContent())!;
    expect(mustReadTitles).toContain(leadTitle);
    const mustRead = page.getByRole("region", { name: "Must Read" }).getByRole("link");
    await expect(mustRead).toHaveCount(5);
    // Must Read lists the flagged articles newest first, less the lead, which the page shows once.
    await expect(mustRead.filter({ hasText: leadTitle })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: leadTitle, exact: true })).toHaveCount(1);

    const top = page.getByRole("region", { name: "Top Stories" });
    await expect(top.getByRole("article")).toHaveCount(6);
    await expect(top.getByRole("link", { name: leadTitle, exact: true })).toHaveCount(0);
    expect(isNewestFirst(await times(top))).toBe(true);

    // One block per section, in the navigation's order, each with its own newest four.
    const blockHeadings = page.locator("main section > h2 > a");
    await expect(blockHeadings).toHaveText(sections.map((s) => s.name));
    for (const s of sections) {
      const block = page.getByRole("region", { name: s.name, exact: true });
      const links = block.getByRole("article").getByRole("heading").getByRole("link");
      const count = await links.count();
      expect(count, s.slug).toBeGreaterThanOrEqual(1);
      expect(count, s.slug).toBeLessThanOrEqual(4);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) expect(href).toMatch(new RegExp(`^/${s.slug}/`));
      expect(isNewestFirst(await times(block)), s.slug).toBe(true);
    }
    await expect(page.getByRole("region", { name: "Stay Connected" })).toContainText("16,985 Fans");
    await expect(reader.searchBox).toBeVisible();
    await expect(reader.footer.getByRole("link", { name: "RSS feed" })).toHaveAttribute("href", "/feed.xml");
  });

  test("carries Organization and WebSite with a SearchAction", async ({ reader, baseURL }) => {
    await reader.goto("/");
    const data = await reader.structuredData();
    expect(data.find((d) => d["@type"] === "Organization")).toMatchObject({ name: "Gazette", url: `${baseURL}/` });
    const site = data.find((d) => d["@type"] === "WebSite") as { potentialAction: { target: { urlTemplate: string } } };
    expect(site.potentialAction.target.urlTemplate).toBe(`${baseURL}/search?q={search_term_string}`);
    await expect(reader.page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${baseURL}/?$`));
  });
});

test("a reader moves from home to a section, an article, its author, a tag, a search result and back", async ({ reader, page }) => {
  await reader.goto("/");
  await reader.sectionNav.getByRole("link", { name: "Science" }).click();
  await expect(page).toHaveURL(/\/science$/);
  await expect(reader.heading).toHaveText("Science");

  const first = reader.articleLinks().first();
  const title = (await first.textContent())!;
  await first.click();
  await expect(reader.heading).toHaveText(title);

  const byline = page.locator("article").first().locator("> div").filter({ hasText: "min read" });
  const authorName = (await byline.getByRole("link").first().textContent())!;
  await byline.getByRole("link", { name: authorName }).click();
  await expect(page).toHaveURL(/\/author\/[a-z-]+$/);
  await expect(reader.heading).toHaveText(authorName);
  await expect(reader.main).toContainText(authors.find((a) => a.name === authorName)!.bio);

  await page.goBack();
  await expect(reader.heading).toHaveText(title);
  const tag = page.getByRole("list", { name: "Tags" }).getByRole("link").first();
  const tagName = (await tag.textContent())!;
  await tag.click();
  await expect(reader.heading).toHaveText(tagName);
  await expect(reader.articleLinks().filter({ hasText: title })).toHaveCount(1);

  await reader.search("seagrass");
  await expect(page).toHaveURL(/\/search\?q=seagrass$/);
  await page.getByRole("main").getByRole("link", { name: /Seagrass/ }).first().click();
  await expect(reader.heading).toContainText("Seagrass");
  await page.goBack();
  await expect(page.getByRole("status")).toContainText("seagrass");
  await page.goBack();
  await expect(reader.heading).toHaveText(tagName);
  await page.getByRole("banner").getByRole("link", { name: "Gazette" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test.describe("listings: 20 a page, ?page=N, rel prev/next, 404 past the end", () => {
  const worldTotal = seedArticles.filter((a) => a.section === archive.section).length + archive.count;
  const lastPage = Math.ceil(worldTotal / 20);

  test("a section front pages through its archive", async ({ reader, page, baseURL }) => {
    expect(lastPage).toBeGreaterThanOrEqual(3);
    await reader.goto(`/${archive.section}`);
    await expect(reader.articleLinks()).toHaveCount(20);
    await expect(page.locator('head link[rel="prev"]')).toHaveCount(0);
    await expect(page.locator('head link[rel="next"]')).toHaveAttribute("href", `/${archive.section}?page=2`);
    await expect(reader.pagination).toContainText(`Page 1 of ${lastPage}`);
    const firstPageTimes = await times(reader.main);

    await reader.pagination.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(`${baseURL}/${archive.section}?page=2`);
    await expect(reader.articleLinks()).toHaveCount(20);
    await expect(reader.pagination.getByRole("link", { name: "Previous page" })).toHaveAttribute("rel", "prev");
    await expect(reader.pagination.getByRole("link", { name: "Next page" })).toHaveAttribute("rel", "next");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/${archive.section}?page=2`);
    await expect(page).toHaveTitle(`World, page 2 of ${lastPage} | Gazette`);
    // Page 2 continues where page 1 stopped.
    expect((await times(reader.main))[0]! <= firstPageTimes.at(-1)!).toBe(true);

    const last = await page.goto(`/${archive.section}?page=${lastPage}`);
    expect(last?.status()).toBe(200);
    await expect(reader.articleLinks()).toHaveCount(worldTotal - 20 * (lastPage - 1));
    await expect(reader.pagination.getByRole("link", { name: "Next page" })).toHaveCount(0);

    for (const bad of [String(lastPage + 1), "0", "abc", "-1", "1e2", "99999999999999999999", "..", "%FF"]) {
      const response = await page.goto(`/${archive.section}?page=${bad}`);
      expect(response?.status(), bad).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("the internal page path redirects to the public ?page= address", async ({ page, baseURL }) => {
    await page.goto(`/${archive.section}/page/2`);
    await expect(page).toHaveURL(`${baseURL}/${archive.section}?page=2`);
  });

  test("author pages show the bio and page like sections", async ({ reader, page }) => {
    const author = authors.find((a) => a.slug === archive.author)!;
    const total = seedArticles.filter((a) => a.author === author.slug).length + archive.count;
    await reader.goto(`/author/${author.slug}`);
    await expect(reader.heading).toHaveText(author.name);
    await expect(reader.main).toContainText(author.bio);
    await expect(reader.articleLinks()).toHaveCount(20);
    await page.goto(`/author/${author.slug}?page=${Math.ceil(total / 20)}`);
    await expect(reader.articleLinks()).toHaveCount(total - 20 * (Math.ceil(total / 20) - 1));
    expect((await page.goto(`/author/${author.slug}?page=${Math.ceil(total / 20) + 1}`))?.status()).toBe(404);
  });

  test("tag pages page like sections", async ({ reader, page }) => {
    await reader.goto(`/tag/${archive.tag.slug}`);
    await expect(reader.heading).toHaveText(archive.tag.name);
    await expect(reader.articleLinks()).toHaveCount(20);
    await page.goto(`/tag/${archive.tag.slug}?page=3`);
    await expect(reader.articleLinks()).toHaveCount(archive.count - 40);
    await expect(page.locator('head link[rel="prev"]')).toHaveAttribute("href", `/tag/${archive.tag.slug}?page=2`);
    expect((await page.goto(`/tag/${archive.tag.slug}?page=4`))?.status()).toBe(404);
  });
});

test.describe("metadata on every reader page", () => {
  const article = seedArticles[0]!;
  const pages = [
    ["home", "/", "Gazette"],
    ["a section", "/business", "Business | Gazette"],
    ["an article", `/${article.section}/${article.slug}`, `${article.title} | Gazette`],
    ["an author", "/author/mei-lin-chen", "Mei-Lin Chen | Gazette"],
    ["a tag", `/tag/${archive.tag.slug}`, `${archive.tag.name} | Gazette`],
    ["search", "/search?q=harbour", "Search: harbour | Gazette"],
  ] as const;
  for (const [name, path, title] of pages) {
    test(`${name}: title, description, canonical, OpenGraph and Twitter card`, async ({ reader, page }) => {
      await reader.goto(path);
      await expect(page).toHaveTitle(title);
      await expect(reader.meta("description")).toHaveAttribute("content", /\S{3,}/);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^http/);
      await expect(reader.meta("og:title")).toHaveAttribute("content", /\S/);
      await expect(reader.meta("og:url")).toHaveAttribute("content", /^http/);
      await expect(reader.meta("twitter:card")).toHaveAttribute("content", /^summary/);
    });
  }

  test("an article without a hero image gets an OpenGraph image drawn from its title", async ({ reader, request }) => {
    const plain = seedArticles.find((a) => !hasDemoHero(a))!;
    await reader.goto(`/${plain.section}/${plain.slug}`);
    const image = await reader.meta("og:image").first().getAttribute("content");
    expect(image).toMatch(new RegExp(`/${plain.section}/${plain.slug}/og\\.png$`));
    await expect(reader.meta("twitter:image").first()).toHaveAttribute("content", image!);
    const response = await request.get(new URL(image!).pathname);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const bytes = await response.body();
    expect(bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(bytes.readUInt32BE(16)).toBe(1200);
    expect((await request.get(`/${article.section}/no-such-article/og.png`)).status()).toBe(404);
  });
});
