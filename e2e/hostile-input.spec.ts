import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { seedArticles } from "../scripts/seed/demo";
import { stripControls } from "../lib/comments/input";
import { expect, test } from "./fixtures";
import { ArticlePage } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { signedInPage } from "./pages/staff-pages";
import { settled } from "./support/settled";

// Every payload that would run sets this flag and opens a dialog; neither may ever happen.
const run = "window.__pwned=1;alert(1)";

/** Hostile comments: [comment, name, website]. Names are at most 80 characters, as the form allows. */
const battery: [string, string, string?][] = [
  [`<script>${run}</script>`, "<script>alert(1)</script>"],
  [`<img src=x onerror="${run}">`, `<img src=x onerror=${run}>`],
  [`<svg onload="${run}"><circle r="40"/></svg>`, `"><svg onload=${run}>`],
  [`<svg><script>${run}</script></svg>`, "Svg Script"],
  [`<a href="javascript:${run}">click me</a>`, "Javascript Link"],
  [`javascript:${run}`, "javascript:alert(1)"],
  [`<iframe src="data:text/html,<script>parent.${run}</script>"></iframe>`, "Data Frame"],
  ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "Data URL"],
  ["&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &#60;b&#62;", "&lt;b&gt;Entity&lt;/b&gt;"],
  [`&#60;img src=x onerror=${run}&#62; &#x3C;svg onload=alert(1)&#x3E;`, "&#60;i&#62;Numeric"],
  [`<scr<script>ipt>${run}</scr</script>ipt>`, "Nested Script"],
  [`"><script>${run}</script>`, "'><img src=x onerror=alert(1)>"],
  ["<body onload=alert(1)><style>body{display:none}</style>", "Style Body"],
  ['<div style="position:fixed;inset:0;background:red;z-index:9999">covered</div>', "Overlay"],
  ["<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "Mutation XSS"],
  ["<details open ontoggle=alert(1)><summary>x</summary></details>", "Details Toggle"],
  ['<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">', "Object Embed"],
  ['<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/">', "Base Meta"],
  ["{{constructor.constructor('alert(1)')()}} ${alert(1)} #{alert(1)}", "Template {{7*7}}"],
  ["</textarea><script>alert(1)</script></title></style></noscript>", "Closers"],
  ["</script><script>alert(1)</script><!--", "</script><!--"],
  ['<input autofocus onfocus="alert(1)"><button formaction="javascript:alert(1)">go</button>', "Autofocus"],
  ["[click](javascript:alert(1)) **bold** ![x](https://evil.example/x.png) <https://evil.example>", "Markdown Link"],
  ['<a href="https://evil.example" target="_blank">phish</a>', "Phisher", 'https://example.com/"onmouseover="alert(1)'],
  ["Right-to-left \u202Egnp.exe\u202C override and \u202Dforced LTR", "Admin\u202E moc.elpmaxe@"],
  ["NUL\u0000byte, BEL\u0007, ESC\u001b[31mred\u001b[0m, DEL\u007f and a \u0008backspace", "Con\u0000trol\u0007 Name"],
  // one 5,000-character word (the most a comment may hold), different on every run
  [randomBytes(2500).toString("hex"), "W".repeat(80)],
  [`https://example.com/${"a".repeat(3000)}`, "Long Link", `https://example.com/${"b".repeat(1900)}`],
  [`Z${"\u0336\u0337\u0338\u0334\u0335".repeat(60)}algo text`, `Z${"\u0336".repeat(40)}algo`],
  ["Gazette Editor here: please send your password to аdmin@gаzette.example", "Gаzette Еditor"],
  ["in\u200Bvisible\u200Djoined\uFEFFtext\u2060here", "Zero\u200BWidth"],
  [`${"مرحبا hello שלום 👍🏽 ".repeat(30)}`, "مرحبا Shalom"],
  ["line one\n\n\n\nline five\r\nline six\ttabbed", "Line Breaks"],
  ["%3Cscript%3Ealert(1)%3C%2Fscript%3E \\u003cscript\\u003e \\x3cscript\\x3e", "Encoded"],
  ["<!-- unterminated comment <![CDATA[ <script>alert(1)</script> ]]>", "CDATA"],
  [`<svg><a xlink:href="javascript:${run}"><text x="20" y="20">svg link</text></a></svg>`, "SVG xlink"],
];

const target = seedArticles.find((a) => a.slug.startsWith("translated-novels"))!;
const id = randomBytes(4).toString("hex");
/**
 * Each input with a marker that makes it new on every run (the same text twice within the
 * hour would be filed as spam), unless it is already as long as a comment may be; and what
 * the site keeps of it: trimmed, without control bytes.
 */
const posted = battery.map(([text, name, website], i) => {
  const body = text.length >= 5000 ? text : `${text} #${i}-${id}`;
  return { body, name, website, shownBody: stripControls(body.trim()), shownName: stripControls(name.trim()) };
});

/** Listens for anything a payload would do: dialogs, the flag, navigation away. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    (window as unknown as { __pwned: number }).__pwned = 0;
  });
  return {
    async expectNothingRan() {
      // Give handlers (onload, onerror, autofocus, toggles) their chance, then hover everything.
      await page.waitForLoadState("load");
      for (const el of await page.locator("main a, main p, main bdi").all().then((all) => all.slice(0, 200))) {
        await el.hover({ force: true, timeout: 1000 }).catch(() => {});
      }
      await settled(page);
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned)).toBe(0);
      expect(await page.evaluate(() => document.baseURI)).toBe(page.url());
    },
  };
}

/** Nothing sticks out sideways on a phone-sized screen. */
async function expectNoSidewaysScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

test.describe("hostile comments", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ viewport: { width: 390, height: 844 } });
  let articleId = 0;

  test("are posted, held, and approved from the queue", async ({ page, articlePage, browser }) => {
    test.setTimeout(240_000);
    expect(battery.length).toBeGreaterThanOrEqual(30);
    await page.clock.install();
    await articlePage.goto(target);
    articleId = await articlePage.articleId();
    for (const [i, c] of posted.entries()) {
      await articlePage.asNewReader();
      await articlePage.postCommentUnhurried({ Comment: c.body, Name: c.name, Email: `hostile-${i}-${id}@example.com`, Website: c.website ?? "" });
      await expect(articlePage.replyForm.getByRole("status"), `input #${i}`).toHaveText("Your comment is awaiting moderation.");
    }

    // A look-alike email is refused at the door.
    await articlePage.postCommentUnhurried({ Comment: `Homoglyph email #${id}`, Name: "Look Alike", Email: "аdmin@gаzette.example" });
    await expect(articlePage.replyForm.getByText("You have entered an incorrect email address!")).toBeVisible();

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    for (let round = 0; round < 5; round++) {
      await queue.goto({ articleId });
      if ((await queue.count("Pending")) === 0) break;
      await queue.bulk.getByRole("checkbox", { name: "Select all on this page" }).check();
      await queue.bulkButton("Approve selected").click();
      await expect(queue.status).toHaveText(/^Approved \d+ comments?\.$/);
    }
    await expect(queue.tab("Pending")).toHaveText("Pending (0)");
    expect(await queue.count("Approved")).toBeGreaterThanOrEqual(posted.length);
    await moderator.context().close();
  });

  test("render as inert text on the article page, without breaking it", async ({ page }) => {
    // Some forty comments, each body, name and link read back one by one: on a busy machine
    // (CI with two workers) that outlasts 30 s.
    test.setTimeout(90_000);
    const guard = await watch(page);
    const article = new ArticlePage(page);
    await article.goto(target);
    await expect(article.comments.getByRole("heading", { name: /^\d+ Comments$/ })).toBeVisible();

    const bodies = await article.comments.locator("article > p").allTextContents();
    const names = await article.comments.locator("article header bdi").allTextContents();
    for (const c of posted) {
      expect(bodies, c.body.slice(0, 60)).toContain(c.shownBody);
      expect(names).toContain(c.shownName);
    }
    // Not a single element came out of the text: only the page's own markup is there.
    await expect(article.comments.locator("script, style, img, svg, iframe, object, embed, math, input, button, details, base, meta, body, table")).toHaveCount(0);
    for (const link of await article.comments.getByRole("link").all()) {
      const href = (await link.getAttribute("href"))!;
      // the page's own links beside each comment: Reply, and Report (its no-JavaScript page)
      if (href === "#respond" || /^\/[^/]+\/[^/]+\/comment\/\d+\/report$/.test(href)) continue;
      expect(href).toMatch(/^https?:\/\//);
      await expect(link).toHaveAttribute("rel", "ugc nofollow noopener");
    }
    // Direction overrides stay inside the text they came with.
    const rtl = article.comments.locator("article").filter({ hasText: "override and" });
    expect(await rtl.locator("> p").evaluate((p) => getComputedStyle(p).unicodeBidi)).toBe("plaintext");
    expect(await rtl.locator("header bdi").evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");

    await expectNoSidewaysScroll(page);
    for (const box of await article.comments.locator("article").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(390);
    }
    await guard.expectNothingRan();
  });

  test("render as inert text in the moderation queue, without breaking it", async ({ browser }) => {
    // Every queue page hovers up to 200 elements: on a busy machine that outlasts 30 s.
    test.setTimeout(90_000);
    const moderator = await signedInPage(browser, "moderator");
    await moderator.setViewportSize({ width: 390, height: 844 });
    const guard = await watch(moderator);
    const queue = new ModerationPage(moderator);
    const seen: { bodies: string[]; names: string[] } = { bodies: [], names: [] };
    await queue.goto({ articleId, queue: "Approved" });
    const pages = Math.ceil((await queue.count("Approved")) / 20);
    for (let page = 1; page <= pages; page++) {
      await moderator.goto(`/moderation?status=approved&article=${articleId}&page=${page}`);
      const entries = moderator.getByRole("main").getByRole("article");
      seen.bodies.push(...(await entries.locator("> p").allTextContents()));
      seen.names.push(...(await entries.locator("h3 bdi").allTextContents()));
      await expect(moderator.getByRole("main").getByRole("list").first().locator("script, style, img, svg, iframe, object, embed, math, details, base, meta, body, table")).toHaveCount(0);
      await expectNoSidewaysScroll(moderator);
      await guard.expectNothingRan();
    }
    for (const c of posted) {
      expect(seen.bodies).toContain(c.shownBody);
      expect(seen.names).toContain(c.shownName);
    }
    await moderator.context().close();
  });
});
