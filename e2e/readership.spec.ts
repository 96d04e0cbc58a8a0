import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, richestArticle, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";

// Reads are counted from the browser's beacon: these tests drive real pages and then make the
// server write its counts at once (the test hook), rather than wait for the flush timer.
test.describe.configure({ mode: "serial" });

const article = richestArticle();
const articlePath = `/${article.section}/${article.slug}`;
// Playwright's headless Chromium names itself HeadlessChrome, which the bot list knows; a
// reader here is an ordinary desktop Chrome, unique to this run.
const readerAgent = () => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 e2e${Date.now()}`;

type Stats = { outcomes: Record<string, number>; pending: number; flushes: number; served: { server: number; next: number } };

async function stats(request: APIRequestContext, flush = false): Promise<Stats> {
  const response = flush ? await request.post("/api/test/readership") : await request.get("/api/test/readership");
  expect(response.status()).toBe(200);
  return (await response.json()) as Stats;
}

/** Opens a page and waits for its beacon to have been answered. */
async function visit(page: Page, path: string) {
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/read" && r.request().method() === "POST");
  await page.goto(path);
  expect((await beacon).status()).toBe(204);
}

async function readerPage(browser: Browser, userAgent = readerAgent()) {
  const context = await browser.newContext({ userAgent });
  return context.newPage();
}

test("a reader's visit is counted once, sets no cookie and asks no other origin", async ({ browser, request }) => {
  const html = async () => (await request.get(articlePath)).text();
  await html();
  const servedBefore = await html();
  const before = await stats(request);
  const page = await readerPage(browser);
  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  await visit(page, articlePath);
  await visit(page, articlePath); // a reload within the window is the same read
  const after = await stats(request, true);
  expect(after.outcomes.counted! - before.outcomes.counted!).toBe(1);
  expect(after.outcomes.repeat! - before.outcomes.repeat!).toBe(1);
  expect(after.pending).toBe(0);
  // answered by scripts/server.mjs itself, not through Next.js's route pipeline
  expect(after.served.server - before.served.server).toBe(2);
  expect(after.served.next).toBe(before.served.next);
  expect(await page.context().cookies()).toEqual([]);
  expect([...origins]).toEqual([new URL(page.url()).origin]);
  // counting changed nothing in the page every reader gets
  expect(await html()).toBe(servedBefore);
  await page.context().close();
});

test("a bot's and a staff member's visits are not counted", async ({ browser, request }) => {
  const before = await stats(request);
  const bot = await readerPage(browser, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
  await visit(bot, articlePath);
  await bot.context().close();
  const staff = await signedInPage(browser, "editor");
  await visit(staff, articlePath);
  const after = await stats(request);
  expect(after.outcomes.counted).toBe(before.outcomes.counted);
  expect(after.outcomes.staff! - before.outcomes.staff!).toBeGreaterThanOrEqual(1);
  expect(after.outcomes.bot! - before.outcomes.bot!).toBeGreaterThanOrEqual(1);
  await staff.context().close();
});

test("the dashboard shows the read and passes axe; home's Most read follows reads", async ({ browser, request }) => {
  const reader = await readerPage(browser);
  await visit(reader, articlePath);
  await reader.context().close();
  await stats(request, true);

  const editor = await signedInPage(browser, "editor");
  // signing in lands editors on the dashboard
  await expect(editor).toHaveURL(/\/dashboard$/);
  await editor.reload();
  const lastHour = editor.getByRole("region", { name: "Top articles, last hour" });
  await expect(lastHour.getByRole("link", { name: article.title })).toBeVisible();
  expect(Number((await editor.getByTestId("reads-last-hour").textContent())?.replace(/,/g, ""))).toBeGreaterThanOrEqual(1);
  await expect(editor.getByRole("img", { name: /Reads per day by section/ })).toBeVisible();
  const results = await new AxeBuilder({ page: editor }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // the editor's list and the article's own page carry its reads
  await editor.goto(`/editor?q=${encodeURIComponent(article.title)}`);
  const list = editor.getByRole("table");
  await expect(list.getByRole("columnheader", { name: "Reads (7 days)" })).toBeVisible();
  const row = list.getByRole("row").filter({ has: editor.getByRole("link", { name: article.title }) });
  expect(Number(await row.getByRole("cell").last().textContent())).toBeGreaterThanOrEqual(1);
  await row.getByRole("link", { name: article.title }).click();
  await expect(editor.getByRole("img", { name: /Reads per day, last 30 days/ })).toBeVisible();
  await editor.context().close();

  // The background pass revalidates `most-read` every few minutes; here, at once.
  expect((await request.post("/api/test/revalidate?tag=most-read")).status()).toBe(200);
  await expect(async () => {
    const home = await (await request.get("/")).text();
    const block = home.slice(home.indexOf('id="most-read"'));
    expect(home).toContain('id="most-read"');
    expect(block).toContain(article.title.replace(/&/g, "&amp;").replace(/'/g, "&#x27;"));
  }).toPass({ timeout: 15_000 });
});

test("a writer's dashboard shows their own articles' reads, a moderator's the moderation part", async ({ browser }) => {
  const writer = await signedInPage(browser, "writer");
  await writer.goto("/dashboard");
  await expect(writer.getByRole("heading", { level: 2, name: "Reads of your articles" })).toBeVisible();
  await expect(writer.getByRole("heading", { name: /Comments and moderation/ })).toHaveCount(0);
  await writer.context().close();

  const moderator = await signedInPage(browser, "moderator");
  await moderator.goto("/dashboard");
  await expect(moderator.getByRole("heading", { level: 2, name: /Comments and moderation/ })).toBeVisible();
  await expect(moderator.getByRole("heading", { name: /^Reads/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page: moderator }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await moderator.context().close();
});
