import { randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, richestArticle, test } from "./fixtures";
import { readerAddress } from "./pages/article-page";
import { signedInPage } from "./pages/staff-pages";

// Reads are counted from the browser's beacon: these tests drive real pages and then make the
// server write its counts at once (the test hook), rather than wait for the flush timer.
test.describe.configure({ mode: "serial" });

const article = richestArticle();
const articlePath = `/${article.section}/${article.slug}`;
// Playwright's headless Chromium names itself HeadlessChrome, which the bot list knows, but the
// project's device gives every other spec's pages an ordinary Chrome's name: their beacons are
// counted too, into the same counters, while these tests run. So each browser here has a
// user agent of its own, and a test reads the outcomes of its own browser's beacons; a reader
// also has an address of its own, as the per-address flood limit would otherwise count every
// spec's page views from 127.0.0.1 against it.
const marker = () => `e2e-${randomBytes(6).toString("hex")}`;
const readerAgent = (id: string) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 ${id}`;

type Beacon = { outcome: string; via: "server" | "next" };
type Stats = { outcomes: Record<string, number>; pending: number; flushes: number; served: { server: number; next: number }; beacons?: Beacon[] };

async function stats(request: APIRequestContext, { flush = false, agent }: { flush?: boolean; agent?: string } = {}): Promise<Stats> {
  const path = `/api/test/readership${agent ? `?agent=${encodeURIComponent(agent)}` : ""}`;
  const response = flush ? await request.post(path) : await request.get(path);
  expect(response.status()).toBe(200);
  return (await response.json()) as Stats;
}

/** The outcomes of the beacons sent by the browser whose user agent carries `agent`. */
async function beaconsOf(request: APIRequestContext, agent: string): Promise<Beacon[]> {
  return (await stats(request, { agent })).beacons ?? [];
}

/** Opens a page and waits for its beacon to have been answered. */
async function visit(page: Page, path: string) {
  const beacon = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/read" && r.request().method() === "POST");
  await page.goto(path);
  expect((await beacon).status()).toBe(204);
}

async function readerPage(browser: Browser, id: string) {
  const context = await browser.newContext({ userAgent: readerAgent(id), extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
  return context.newPage();
}

test("a reader's visit is counted once, sets no cookie and asks no other origin", async ({ browser, request }) => {
  const html = async () => (await request.get(articlePath)).text();
  await html();
  const servedBefore = await html();
  const before = await stats(request);
  const id = marker();
  const page = await readerPage(browser, id);
  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  await visit(page, articlePath);
  await visit(page, articlePath); // a reload within the window is the same read
  // answered by scripts/server.mjs itself, not through Next.js's route pipeline
  expect(await beaconsOf(request, id)).toEqual([
    { outcome: "counted", via: "server" },
    { outcome: "repeat", via: "server" },
  ]);
  // The count is written by a flush: the timer's, or the one asked for here, which returns
  // only once every read counted before it is in the database.
  const after = await stats(request, { flush: true });
  expect(after.flushes).toBeGreaterThan(before.flushes);
  expect(after.served.next).toBe(before.served.next);
  expect(await page.context().cookies()).toEqual([]);
  expect([...origins]).toEqual([new URL(page.url()).origin]);
  // counting changed nothing in the page every reader gets
  expect(await html()).toBe(servedBefore);
  await page.context().close();
});

test("a bot's and a staff member's visits are not counted", async ({ browser, request }) => {
  const botId = marker();
  const bot = await browser.newContext({ userAgent: `Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) ${botId}` });
  await visit(await bot.newPage(), articlePath);
  await bot.close();
  const staffId = marker();
  const staff = await signedInPage(browser, "editor", { userAgent: readerAgent(staffId) });
  await visit(staff, articlePath);
  expect(await beaconsOf(request, botId)).toEqual([{ outcome: "bot", via: "server" }]);
  expect(await beaconsOf(request, staffId)).toEqual([{ outcome: "staff", via: "server" }]);
  await staff.context().close();
});

test("the dashboard shows the read and passes axe; home's Most read follows reads", async ({ browser, request }) => {
  // a sign-in, three staff pages, an axe scan and a revalidation: over 30 s on a loaded machine
  test.slow();
  const id = marker();
  const reader = await readerPage(browser, id);
  await visit(reader, articlePath);
  await reader.context().close();
  expect(await beaconsOf(request, id)).toEqual([{ outcome: "counted", via: "server" }]);
  await stats(request, { flush: true });

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
