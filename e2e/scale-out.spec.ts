import { createHash, randomBytes } from "node:crypto";
import postgres from "postgres";
import { freePort, hasRedisServer, RedisServer } from "../test/redis-server";
import { expect, test } from "./fixtures";
import { ArticlePage } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { ArticleEditor, LoginPage } from "./pages/staff-pages";
import { health, migrateAndSeed, startInstance, stopInstance, type Instance } from "./support/instances";

// Two production instances on different ports over one PostgreSQL and one Redis, as
// README "Deployment" describes: what one instance changes, the other serves within a
// second (an article published or edited in the editor, a comment approved by a moderator,
// a comment published at once); staff signed in on one instance are signed in on the other;
// when Redis goes away both keep serving, and they share again when it returns.

const base = process.env.TEST_DATABASE_URL;
const e2ePort = Number(process.env.E2E_PORT ?? 3200);

test.describe.configure({ mode: "serial" });
test.skip(!base, "needs TEST_DATABASE_URL: the instances share one PostgreSQL server");
test.skip(!hasRedisServer(), "needs redis-server on PATH");

let a: Instance | undefined;
let b: Instance | undefined;
let redis: RedisServer | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let story: { id: number; path: string; title: string };
const staffPassword = "scale-out-password";
const regular = `regular-${randomBytes(3).toString("hex")}@example.net`;
// The regular's browser keeps this commenter key; open mode trusts a post only with the key of
// an approved comment (stored hashed as lib/comments/submit.ts hashCommenterKey does).
const regularKey = randomBytes(24).toString("base64url");
const regularKeyHash = createHash("sha256").update(`commenter:${regularKey}`).digest("base64url");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const name = `gazette_scale_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(base!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(base!);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  dropDatabase = async () => {
    const d = postgres(base!, { max: 1, onnotice: () => {} });
    await d.unsafe(`drop database if exists "${name}" with (force)`);
    await d.end();
  };
  migrateAndSeed(databaseUrl);

  // An open article whose regular commenter is published at once.
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const slug = `two-instances-${randomBytes(4).toString("hex")}`;
  const title = `Two instances, one newsroom ${slug}`;
  const [row] = await sql<{ id: number; section: string }[]>`
    insert into articles (slug, title, standfirst, body, status, published_at, comment_mode, section_id, author_id)
    select ${slug}, ${title}, 'One story served by two servers.', 'Both instances serve this page from their caches.',
           'published', now() - interval '1 minute', 'open', s.id, a.id
    from sections s, authors a order by s.id, a.id limit 1
    returning id, (select slug from sections where id = section_id) as section`;
  await sql`insert into comments (article_id, author_name, author_email, body, status, commenter_key_hash)
            values (${row!.id}, 'Regular Reader', ${regular}, 'An earlier approved comment.', 'approved', ${regularKeyHash})`;
  await sql.end();
  story = { id: row!.id, path: `/${row!.section}/${slug}`, title };

  // a Redis of the test's own, never the machine's 6379
  redis = new RedisServer(Number(process.env.E2E_REDIS_PORT || (await freePort())));
  await redis.start();
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
  [a, b] = await Promise.all([startInstance("A", e2ePort + 1, env), startInstance("B", e2ePort + 2, env)]);
});

test.afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await redis?.stop();
  await dropDatabase?.();
});

async function pageText(instance: Instance, path = story.path) {
  const res = await fetch(instance.url + path);
  return { status: res.status, cache: res.headers.get("x-nextjs-cache"), body: await res.text() };
}

/** Serves the page from `instance`'s cache (a hit), so a later change must displace it. */
async function cached(instance: Instance, path = story.path) {
  await pageText(instance, path);
  await expect.poll(async () => (await pageText(instance, path)).cache).toBe("HIT");
}

/** A staff member signed in through `instance`, in a browser context of their own. */
async function staffOn(browser: import("@playwright/test").Browser, instance: Instance, email: string) {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, staffPassword);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

async function commentThrough(instance: Instance, page: import("@playwright/test").Page, text: string) {
  const article = new ArticlePage(page);
  // A known commenter posting like a person (from the browser that posted the approved comment,
  // an address of its own, after reading for a while), so the open article's checks pass and
  // the comment is published at once.
  await page.clock.install();
  await article.asNewReader();
  await page.addInitScript((key) => localStorage.setItem("gazette:commenter-key", key), regularKey);
  await page.goto(instance.url + story.path);
  await article.postCommentUnhurried({ Comment: text, Name: "Regular Reader", Email: regular });
  await expect(article.replyForm.getByRole("status")).toHaveText("Thank you! Your comment has been published.");
}

/**
 * The freshness the issue asks for: the other instance shows the change within a second. What
 * is timed is the invalidation, not the render: a request *sent* within the second must get
 * the new page, however long a loaded machine then takes to render it.
 */
async function shownWithinASecond(instance: Instance, text: string, path = story.path) {
  const deadline = Date.now() + 1000;
  let body = "";
  while (Date.now() <= deadline) {
    body = (await pageText(instance, path)).body;
    if (body.includes(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(body, `no request sent within a second of the change got it`).toContain(text);
}

test("an article published and then edited in the editor on A is served by B within a second", async ({ browser }) => {
  await cached(b!, "/");
  const editorPage = await staffOn(browser, a!, "editor@example.com");
  await editorPage.goto("/editor/articles/new");
  const editor = new ArticleEditor(editorPage);
  const id = randomBytes(4).toString("hex");
  const title = `Published through instance A ${id}`;
  await editor.fill({ title, standfirst: "Written on one server, read on another.", body: "The first version.", section: "Sport" });
  await editor.button("Publish").click();
  await expect(editorPage.getByText("Published.")).toBeVisible();
  // on B's home page, which B had cached before the publication
  await shownWithinASecond(b!, title, "/");
  const path = `/sport/published-through-instance-a-${id}`;
  expect((await pageText(b!, path)).body).toContain("The first version.");

  // An edit of the live article, once B has the page cached.
  await cached(b!, path);
  await editor.fill({ title, body: `The second version ${id}.` });
  await editor.button("Publish").click();
  await editorPage.waitForURL(/[?&]v=2(&|$)/);
  await shownWithinASecond(b!, `The second version ${id}.`, path);
  await editorPage.context().close();
});

test("a comment approved by a moderator on B shows on A within a second; the sign-in on A holds on B", async ({ page, browser }) => {
  await cached(a!);
  // A first-time commenter's comment waits for a moderator.
  const text = `Held then approved ${randomBytes(4).toString("hex")}`;
  const article = new ArticlePage(page);
  await page.clock.install();
  await article.asNewReader();
  await page.goto(a!.url + story.path);
  await article.postCommentUnhurried({ Comment: text, Name: "New Reader", Email: `new-${randomBytes(3).toString("hex")}@example.net` });
  await expect(article.replyForm.getByRole("status")).toContainText("awaiting moderation");
  expect((await pageText(a!)).body).not.toContain(text);

  // Sessions are stateless: the moderator signs in through A and works on B.
  const moderator = await staffOn(browser, a!, "moderator@example.com");
  await moderator.goto(`${b!.url}/moderation`);
  const queue = new ModerationPage(moderator);
  await queue.decide(text, "Approve");
  await expect(queue.status).toHaveText("Approved 1 comment.");
  await shownWithinASecond(a!, text);
  await moderator.context().close();
});

test("a comment published through A is served by B within a second, and one through B by A", async ({ page }) => {
  await cached(a!);
  await cached(b!);
  const first = `Through A ${randomBytes(4).toString("hex")}`;
  expect((await pageText(b!)).body).not.toContain(first);
  await commentThrough(a!, page, first);
  await shownWithinASecond(b!, first);

  await cached(a!);
  const second = `Through B ${randomBytes(4).toString("hex")}`;
  await commentThrough(b!, page, second);
  await shownWithinASecond(a!, second);
  // the page B rendered afresh is shared: A took it from Redis or rendered the same content
  expect((await pageText(a!)).body).toContain(first);
});

test("without Redis both instances keep serving, and they share again when it returns", async ({ page }) => {
  test.setTimeout(90_000);
  await cached(a!);
  await cached(b!);
  // Start from a connected Redis: under load an instance may briefly skip a slow Redis.
  await expect.poll(async () => (await health(a!)).cache?.redis, { timeout: 10_000 }).toBe("up");

  await redis!.stop();
  await expect.poll(async () => [(await health(a!)).cache?.redis, (await health(b!)).cache?.redis], { timeout: 15_000 }).toEqual([
    "down",
    "down",
  ]);
  for (const instance of [a!, b!]) {
    const served = await pageText(instance);
    expect(served.status).toBe(200);
    expect(served.body).toContain(story.title);
  }
  // A change on A while Redis is away shows on A at once; B cannot hear of it yet.
  const during = `During the outage ${randomBytes(4).toString("hex")}`;
  await commentThrough(a!, page, during);
  await shownWithinASecond(a!, during);
  expect((await pageText(b!)).status).toBe(200);

  await redis!.start();
  await expect.poll(async () => [(await health(a!)).cache?.redis, (await health(b!)).cache?.redis], { timeout: 20_000 }).toEqual([
    "up",
    "up",
  ]);
  // B catches up with what it missed, then sharing is as quick as before.
  await expect.poll(async () => (await pageText(b!)).body, { timeout: 20_000 }).toContain(during);
  await cached(b!);
  const after = `After the outage ${randomBytes(4).toString("hex")}`;
  await commentThrough(a!, page, after);
  await shownWithinASecond(b!, after);
});
