import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { expect, test } from "./fixtures";
import { ArticlePage, readerAddress } from "./pages/article-page";
import { signedInPage } from "./pages/staff-pages";

// These tests write their own long threads straight into the run's PostgreSQL database; on
// the embedded database the running server holds the only connection.
const url = process.env.E2E_DATABASE_URL;
test.skip(!url, "needs the run's PostgreSQL database (TEST_DATABASE_URL) to write a long thread");

type Thread = { section: string; slug: string; title: string; ids: number[]; replyIds: number[] };

/** A published article of this test's own with `threads` approved top-level comments, every tenth with two replies. */
async function articleWithThreads(threads: number): Promise<Thread> {
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    const slug = `e2e-thread-${randomBytes(5).toString("hex")}`;
    const title = `A busy story ${slug}`;
    // Sport, by a byline of this test's own: other specs count World's and the first author's articles.
    const [article] = await sql<{ id: number; section: string }[]>`
      with a as (insert into authors (slug, name) values (${`${slug}-writer`}, ${`Writer ${slug}`}) returning id)
      insert into articles (slug, title, standfirst, body, status, published_at, section_id, author_id, comment_mode)
      select ${slug}, ${title}, 'Everyone has a view.', 'The story.', 'published', now() - interval '2 hours', s.id, a.id, 'moderated'
      from sections s, a where s.slug = 'sport'
      returning id, (select slug from sections where id = section_id) as section`;
    const rows = Array.from({ length: threads }, (_, i) => ({
      article_id: article!.id,
      author_name: `Reader ${i + 1}`,
      author_email: `r${i}@example.com`,
      body: `Thread number ${i + 1} of the busy story`,
      status: "approved",
      created_at: new Date(Date.now() - 3_600_000 + i * 1000),
    }));
    const inserted = await sql<{ id: number }[]>`insert into comments ${sql(rows)} returning id`;
    const ids = inserted.map((r) => r.id);
    const replies = ids
      .filter((_, i) => i % 10 === 0)
      .flatMap((parent, k) =>
        [1, 2].map((n) => ({
          article_id: article!.id,
          parent_id: parent,
          author_name: `Replier ${k}.${n}`,
          author_email: `p${k}${n}@example.com`,
          body: `Reply ${n} to thread ${k * 10 + 1}`,
          status: "approved",
          created_at: new Date(Date.now() - 1_800_000 + k * 1000 + n),
        })),
      );
    const replyIds = (await sql<{ id: number }[]>`insert into comments ${sql(replies)} returning id`).map((r) => r.id);
    return { section: article!.section, slug, title, ids, replyIds };
  } finally {
    await sql.end();
  }
}

const threadText = (n: number) => `Thread number ${n} of the busy story`;

test.describe("long threads", () => {
  test("without JavaScript: plain links page through the threads, and a permalink finds a comment's page", async ({ browser }) => {
    const story = await articleWithThreads(120);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${story.section}/${story.slug}`);
    const comments = page.locator("section[aria-labelledby=comments-heading]");
    // 120 threads and 24 replies, of which the first 50 threads are on the article.
    await expect(page.getByRole("heading", { name: "144 Comments" })).toBeVisible();
    await expect(comments.getByText(threadText(50), { exact: true })).toBeVisible();
    await expect(comments.getByText(threadText(51), { exact: true })).toHaveCount(0);
    await expect(comments.getByText("Reply 2 to thread 41")).toBeVisible();
    const pages = page.getByRole("navigation", { name: "Comment pages" });
    await expect(pages).toContainText("Comments page 1 of 3");

    await pages.getByRole("link", { name: "Later comments" }).click();
    await expect(page).toHaveURL(new RegExp(`/${story.slug}/comments/2#comments-heading$`));
    await expect(page.getByText(threadText(51), { exact: true })).toBeVisible();
    await expect(page.getByText(threadText(100), { exact: true })).toBeVisible();
    await expect(page.getByText(threadText(50), { exact: true })).toHaveCount(0);
    await page.getByRole("navigation", { name: "Comment pages" }).getByRole("link", { name: "Earlier comments" }).click();
    await expect(page).toHaveURL(new RegExp(`/${story.slug}#comments-heading$`));

    // Reply 1 to thread 111 lives on page 3.
    const reply = story.replyIds[22]!;
    await page.goto(`/${story.section}/${story.slug}/comment/${reply}`);
    await expect(page).toHaveURL(new RegExp(`/${story.slug}/comments/3#comment-${reply}$`));
    await expect(page.locator(`#comment-${reply}`)).toContainText("Reply 1 to thread 111");
    expect((await page.request.get(`/${story.section}/${story.slug}/comments/4`)).status()).toBe(404);
    await context.close();
  });

  test("with JavaScript: later pages load in place, and a link to a comment on another page finds it", async ({ page }) => {
    const story = await articleWithThreads(75);
    const article = `/${story.section}/${story.slug}`;
    await page.goto(article);
    const comments = page.locator("section[aria-labelledby=comments-heading]");
    await expect(comments.getByText(threadText(1), { exact: true })).toBeVisible();
    await comments.getByRole("link", { name: "Later comments" }).click();
    await expect(comments.getByText(threadText(51), { exact: true })).toBeVisible();
    await expect(comments.getByText(threadText(1), { exact: true })).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "Comments page 2 loaded" })).toBeAttached();
    // Loaded in place: still the article, with its body and its form.
    expect(new URL(page.url()).pathname).toBe(article);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(story.title);
    await comments.getByRole("link", { name: "Earlier comments" }).click();
    await expect(comments.getByText(threadText(1), { exact: true })).toBeVisible();

    // A link to the comment's anchor on the article, from elsewhere, goes on to the page it is on.
    const late = story.ids[69]!;
    await page.goto("/");
    await page.goto(`${article}#comment-${late}`);
    await expect(page).toHaveURL(new RegExp(`/comments/2#comment-${late}$`));
    await expect(page.locator(`#comment-${late}`)).toContainText(threadText(70));
  });
});

test.describe("reader reports", () => {
  test("three readers' reports take an abusive comment off the page; the Reported queue shows it once", async ({ browser }) => {
    const story = await articleWithThreads(3);
    const article = `/${story.section}/${story.slug}`;
    const target = story.ids[1]!;
    for (const [n, reason] of (["Abuse or harassment", "Abuse or harassment", "Off-topic"] as const).entries()) {
      const reader = new ArticlePage(await browser.newPage());
      await reader.page.setExtraHTTPHeaders({ "x-forwarded-for": readerAddress() });
      await reader.goto(story);
      const comment = reader.page.locator(`#comment-${target}`);
      await expect(comment).toBeVisible();
      await comment.getByRole("link", { name: /^Report/ }).click();
      const dialog = reader.page.getByRole("dialog", { name: "Report this comment" });
      await dialog.getByRole("radio", { name: reason }).check();
      if (n === 0) await dialog.getByLabel("Note for the moderators (optional)").fill("Goes after another reader by name");
      await dialog.getByRole("button", { name: "Send report" }).click();
      await expect(dialog.getByRole("status")).toHaveText("Thank you, a moderator will look at it.");
      // The reporter's page is the same cached page: the comment is still there for them.
      await expect(comment).toBeVisible();
      await reader.page.close();
    }
    const after = await browser.newPage();
    await after.goto(article);
    await expect(after.getByText(threadText(1), { exact: true })).toBeVisible();
    await expect(after.locator(`#comment-${target}`)).toHaveCount(0);
    // Three threads and the first one's two replies, less the one taken down.
    await expect(after.getByRole("heading", { name: "4 Comments" })).toBeVisible();

    const moderator = await signedInPage(browser, "moderator");
    await moderator.goto("/moderation/reported");
    const entry = moderator.getByRole("article", { name: "Comment by Reader 2" }).filter({ hasText: threadText(2) });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText("3 readers");
    await expect(entry).toContainText("taken off the page");
    await expect(entry).toContainText("Abuse or harassment (2), Off-topic (1)");
    await expect(entry).toContainText("Goes after another reader by name");
    await entry.getByRole("button", { name: "Keep" }).click();
    await expect(moderator.getByRole("status").filter({ hasText: "Kept: the comment is back on the page." })).toBeVisible();
    await after.reload();
    await expect(after.locator(`#comment-${target}`)).toBeVisible();
  });

  test("without JavaScript the report form is a small page of its own", async ({ browser }) => {
    const story = await articleWithThreads(1);
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
    const page = await context.newPage();
    await page.goto(`/${story.section}/${story.slug}`);
    await page.locator(`#comment-${story.ids[0]}`).getByRole("link", { name: /^Report/ }).click();
    await expect(page).toHaveURL(new RegExp(`/comment/${story.ids[0]}/report$`));
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByText("Please choose why you are reporting this comment")).toBeVisible();
    await page.getByLabel("Note for the moderators (optional)").fill("Kept when the form comes back");
    await page.getByRole("radio", { name: "Spam" }).check();
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByText("Thank you, a moderator will look at it.")).toBeVisible();
    await context.close();
  });
});
