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

  test("the lead image is asked for first, from the head; the cards below load lazily, sized, from the stored variants", async ({ page }) => {
    const response = await page.goto("/");
    const html = await response!.text();
    const leadPicture = page.getByRole("region", { name: "Lead story" }).locator("picture");
    const lead = leadPicture.locator("img");
    await expect(lead).toHaveAttribute("fetchpriority", "high");
    await expect(lead).toHaveAttribute("loading", "eager");
    await expect(lead).toHaveAttribute("srcset", /^\/media\/[0-9a-f]{32}\/480\.webp 480w, .+ \d+w$/);
    const leadAvif = await leadPicture.locator('source[type="image/avif"]').getAttribute("srcset");
    expect(leadAvif).toMatch(/^\/media\/[0-9a-f]{32}\/480\.avif 480w, .+ \d+w$/);
    // The image the browser shows is the one it was asked for at first: an AVIF variant.
    expect(await lead.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/[0-9a-f]{32}\/\d+\.avif$/);
    // The preload sits in the head the server sent, before any script, with the AVIF source's
    // srcset and sizes, so the browser fetches the one variant it will show.
    const head = html.slice(0, html.indexOf("</head>"));
    const imagePreloads = head.match(/<link [^>]*>/g)?.filter((tag) => tag.includes('rel="preload"') && tag.includes('as="image"')) ?? [];
    expect(imagePreloads, "one image preloaded: the lead's, not the logo").toHaveLength(1);
    const preload = imagePreloads[0]!;
    expect(preload.toLowerCase()).toContain('fetchpriority="high"');
    expect(preload).toContain('type="image/avif"');
    expect(preload.replaceAll("&amp;", "&").toLowerCase()).toContain(`imagesrcset="${leadAvif}"`.toLowerCase());
    expect(head.indexOf(preload)).toBeLessThan(head.search(/<script[^>]+src=/));

    const others = await page.locator("main img").evaluateAll((images) =>
      images
        .filter((img) => !img.closest('[aria-label="Lead story"]'))
        .map((img) => ({
          loading: img.getAttribute("loading"),
          width: img.getAttribute("width"),
          height: img.getAttribute("height"),
          sizes: img.getAttribute("sizes"),
          srcset: img.getAttribute("srcset"),
          avif: img.parentElement?.querySelector('source[type="image/avif"]')?.getAttribute("srcset"),
        })),
    );
    expect(others.length, "card images beside the lead").toBeGreaterThan(0);
    for (const image of others) {
      expect(image).toMatchObject({ loading: "lazy", width: "1200", height: "675" });
      expect(image.sizes).toBeTruthy();
      expect(image.srcset).toMatch(/^\/media\/[0-9a-f]{32}\/480\.webp 480w/);
      expect(image.avif).toMatch(/^\/media\/[0-9a-f]{32}\/480\.avif 480w/);
    }
  });

  test("reader pages load no script per link: nothing is prefetched, and a link is a plain page load", async ({ page }) => {
    const prefetches: string[] = [];
    page.on("request", (request) => {
      const headers = request.headers();
      if (headers["rsc"] || headers["next-router-prefetch"] || request.url().includes("_rsc=")) prefetches.push(request.url());
    });
    await page.goto("/");
    await page.mouse.wheel(0, 3000);
    const lead = page.getByRole("region", { name: "Lead story" }).getByRole("heading").getByRole("link");
    await lead.hover();
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(prefetches, "no router prefetches from the front page").toEqual([]);
    const navigation = page.waitForEvent("framenavigated");
    await lead.click();
    await navigation;
    await expect(page.locator("article[data-article-id]")).toBeVisible();
    expect(prefetches, "the article arrives as a page, not as a router payload").toEqual([]);
  });
});

test.describe("a reader page's weight", () => {
  // Next.js writes an inlined stylesheet into the head and again into the RSC payload for each
  // segment that imports it, and for the root's not-found and forbidden fallbacks. With every
  // CSS module merged into one chunk (the default), an article carried the whole application's
  // 18 KB of CSS, staff screens' included, five times over.
  test("a stylesheet is written at most three times: in the head, and in the payload for its layout and the root's", async ({ request }) => {
    for (const path of ["/", `/${article.section}/${article.slug}`]) {
      const html = await (await request.get(path)).text();
      const head = /<style data-precedence="next" data-href="([^"]+)"/.exec(html);
      expect(head, `${path} inlines its stylesheets in the head`).not.toBeNull();
      const sheets = head![1]!.split(" ");
      expect(sheets.length).toBeGreaterThan(1);
      for (const sheet of sheets) {
        const css = await (await request.get(sheet)).text();
        // The not-found and forbidden fallbacks' few rules may repeat with each segment; a page's
        // own stylesheets are what weighs.
        if (css.length < 1024) continue;
        const opening = css.slice(0, 80);
        // in the payload it sits inside a JavaScript string, escaped
        const escaped = JSON.stringify(opening).slice(1, -1).replaceAll("<", "\\u003c");
        const count = (text: string) => html.split(text).length - 1;
        const copies = count(opening) + (escaped === opening ? 0 : count(escaped));
        expect(copies, `${sheet} (${css.length} bytes) in ${path}`).toBeGreaterThanOrEqual(1);
        expect(copies, `${sheet} (${css.length} bytes) in ${path}`).toBeLessThanOrEqual(3);
      }
    }
  });
});
