// The layout details a reader or a journalist noticed (issue 11, items 7 and 8), measured in
// the browser: each would come back unseen by any other check, since nothing breaks.
import { expect, richestArticle, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";

const article = richestArticle();

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("an article's body reads at a comfortable measure, about 65 to 75 characters a line", async ({ page }) => {
    await page.goto(`/${article.section}/${article.slug}`);
    const perLine = await page.locator("article[data-article-id] > div > p").evaluateAll((paragraphs) => {
      // the longest plain paragraph: its lines are the body's full width
      const longest = paragraphs.filter((p) => p.children.length === 0).sort((a, b) => b.textContent!.length - a.textContent!.length)[0]!;
      const range = document.createRange();
      range.selectNodeContents(longest);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { lines, perLine: longest.textContent!.length / lines };
    });
    expect(perLine.lines, "a paragraph of several lines to measure").toBeGreaterThanOrEqual(2);
    expect(perLine.perLine).toBeGreaterThan(55);
    expect(perLine.perLine).toBeLessThan(80);
  });

  test("Top Stories summaries are smaller than their headlines", async ({ page }) => {
    await page.goto("/");
    const cards = page.getByRole("region", { name: "Top Stories" }).getByRole("article");
    expect(await cards.count()).toBeGreaterThan(0);
    const sizes = await cards.first().evaluate((card) => ({
      headline: parseFloat(getComputedStyle(card.querySelector("h2, h3")!).fontSize),
      summary: parseFloat(getComputedStyle(card.querySelector("h2 ~ p, h3 ~ p")!).fontSize),
    }));
    expect(sizes.summary).toBeLessThan(sizes.headline);
  });

  test("/admin/social: one name for the page, each account's status in its own card, its buttons on one line", async ({ browser }) => {
    const page = await signedInPage(browser, "admin");
    await page.goto("/admin/social");
    await expect(page).toHaveTitle("Social accounts | Newsroom");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Social accounts");
    await expect(page.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Social accounts" })).toBeVisible();
    const card = page.locator("section[aria-label]").first().getByRole("group");
    await expect(card.getByTestId("social-status")).toBeVisible();
    const tops = await Promise.all(["Save", "Refresh now"].map(async (name) => (await card.getByRole("button", { name }).boundingBox())!.y));
    expect(Math.abs(tops[0]! - tops[1]!)).toBeLessThan(2);
    await page.context().close();
  });

  test("/moderation: labels and values line up across cards", async ({ browser }) => {
    const page = await signedInPage(browser, "admin");
    await page.goto("/moderation");
    const columns = await page.getByRole("main").locator("dl").evaluateAll((lists) => lists.map((dl) => Math.round(dl.querySelector("dd")!.getBoundingClientRect().left)));
    expect(columns.length, "a queue of several cards").toBeGreaterThan(1);
    expect(new Set(columns).size).toBe(1);
    await page.context().close();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the section navigation shows that it scrolls, and the byline keeps its comment count with the reading time", async ({ page }) => {
    await page.goto(`/${article.section}/${article.slug}`);
    const nav = page.getByRole("navigation", { name: "Sections" });
    const row = await nav.evaluate((n) => {
      const list = n.querySelector("ul")!;
      return { overflows: list.scrollWidth > list.clientWidth, fade: getComputedStyle(n, "::after").backgroundImage };
    });
    expect(row.overflows, "more sections than fit").toBe(true);
    expect(row.fade).toContain("linear-gradient");
    const count = page.locator("article[data-article-id]").getByRole("link", { name: /^\d+ comments?$/ }).first();
    const lines = await count.evaluate((link) => {
      const range = document.createRange();
      range.selectNodeContents(link.parentElement!);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
  });
});

test.describe("the front page's pictures", () => {
  test.use({ viewport: { width: 412, height: 823 } });

  test("the lead image is asked for first, from the head; the cards below load lazily, sized, through the optimizer", async ({ page }) => {
    const response = await page.goto("/");
    const html = await response!.text();
    const lead = page.getByRole("region", { name: "Lead story" }).locator("img");
    await expect(lead).toHaveAttribute("fetchpriority", "high");
    await expect(lead).toHaveAttribute("loading", "eager");
    const leadSrcset = await lead.getAttribute("srcset");
    expect(leadSrcset).toMatch(/\/_next\/image\?url=.+ \d+w, /);
    // The preload sits in the head the server sent, before any script, with the image's own
    // srcset and sizes, so the browser fetches the one variant it will show.
    const head = html.slice(0, html.indexOf("</head>"));
    const preload = head.match(/<link [^>]*>/g)?.find((tag) => tag.includes('rel="preload"') && tag.includes('as="image"')) ?? "";
    expect(preload.toLowerCase(), "a preload for the lead image in the head").toContain('fetchpriority="high"');
    expect(preload.replaceAll("&amp;", "&").toLowerCase()).toContain(`imagesrcset="${leadSrcset}"`.toLowerCase());
    expect(head.indexOf(preload)).toBeLessThan(head.search(/<script[^>]+src=/));

    const others = await page.locator("main img").evaluateAll((images) =>
      images
        .filter((img) => !img.closest('[aria-label="Lead story"]'))
        .map((img) => ({ loading: img.getAttribute("loading"), width: img.getAttribute("width"), height: img.getAttribute("height"), sizes: img.getAttribute("sizes"), srcset: img.getAttribute("srcset") })),
    );
    expect(others.length, "card images beside the lead").toBeGreaterThan(0);
    for (const image of others) {
      expect(image).toMatchObject({ loading: "lazy", width: "1200", height: "675" });
      expect(image.sizes).toBeTruthy();
      expect(image.srcset).toMatch(/\/_next\/image\?url=.+ \d+w/);
    }
  });
});
