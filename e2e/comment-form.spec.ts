import { seedArticles } from "../scripts/seed/demo";
import { expect, richestArticle, test } from "./fixtures";
import { ArticlePage } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { signedInPage } from "./pages/staff-pages";

const article = richestArticle();

test.describe("posting a comment", () => {
  test("says what to fix and keeps what was typed", async ({ articlePage }) => {
    await articlePage.goto(article);
    await articlePage.postComment({ Comment: "Worth reading.", Name: "", Email: "not-an-email" });
    await expect(articlePage.replyForm.getByText("Please enter your name here")).toBeVisible();
    await expect(articlePage.replyForm.getByText("You have entered an incorrect email address!")).toBeVisible();
    await expect(articlePage.field("Comment")).toHaveValue("Worth reading.");
    await expect(articlePage.field("Email")).toHaveValue("not-an-email");
    await expect(articlePage.field("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(articlePage.replyForm.getByRole("status")).toContainText("Please correct");
    // The answer has the focus, not the page's body.
    await expect(articlePage.replyForm.getByRole("status")).toBeFocused();
  });

  test("holds a new comment for moderation and shows it only to its writer", async ({ page, articlePage, browser }) => {
    // A reader of their own address and email who took their time: no spam check fires, so
    // the comment must land in the Pending queue (spam says the same to its sender).
    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(article);
    const articleId = await articlePage.articleId();
    const text = `A reader's view ${Date.now()}`;
    await articlePage.postCommentUnhurried({ Comment: text, Name: "Ria Ortega", Email: `ria-${Date.now()}@example.net` });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    // Focus goes to the confirmation, not to the page's body.
    await expect(articlePage.replyForm.getByRole("status")).toBeFocused();
    await expect(articlePage.replyForm.getByRole("article", { name: "Your comment" })).toContainText(text);

    const other = await browser.newPage();
    await other.goto(`/${article.section}/${article.slug}`);
    await expect(other.getByText(text)).toHaveCount(0);
    await other.close();

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    await queue.goto({ queue: "Pending", articleId });
    await expect(queue.entry(text)).toHaveCount(1);
    await queue.goto({ queue: "Spam", articleId });
    await expect(queue.entry(text)).toHaveCount(0);
    await moderator.context().close();
  });

  test("works as a plain form post with JavaScript off", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/${article.section}/${article.slug}`);
    const form = page.getByRole("region", { name: "LEAVE A REPLY" });
    await form.getByLabel("Comment", { exact: true }).fill("x");
    await form.getByLabel("Name", { exact: true }).fill("No Script");
    await form.getByLabel("Email", { exact: true }).fill("noscript@example.net");
    await form.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.getByText("Please enter your comment!")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("No Script");

    await page.getByLabel("Comment", { exact: true }).fill("Posted without JavaScript.");
    await page.getByRole("button", { name: "Post Comment" }).click();
    await expect(page.getByText("Your comment is awaiting moderation.").first()).toBeVisible();
    await context.close();
  });
});

test.describe("the commenter's own device", () => {
  test("remembers name and email when asked, in this browser only, never in the page", async ({ page, articlePage, browser, request }) => {
    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(article);
    const name = `Tove Lind ${Date.now()}`;
    const email = `tove-${Date.now()}@example.net`;
    await articlePage.replyForm.getByRole("checkbox", { name: "Save my name and email in this browser" }).check();
    await articlePage.postCommentUnhurried({ Comment: `Remember me (${Date.now()})`, Name: name, Email: email });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

    await page.goto("/");
    await articlePage.goto(article);
    await expect(articlePage.field("Name")).toHaveValue(name);
    await expect(articlePage.field("Email")).toHaveValue(email);
    await expect(articlePage.replyForm.getByRole("checkbox", { name: "Save my name and email in this browser" })).toBeChecked();

    // The cached page itself is the same for everyone: nothing of this reader is in it.
    const html = await (await request.get(`/${article.section}/${article.slug}`)).text();
    expect(html).not.toContain(name);
    expect(html).not.toContain(email);
    const stranger = new ArticlePage(await browser.newPage());
    await stranger.goto(article);
    await expect(stranger.field("Name")).toHaveValue("");
    await stranger.page.context().close();
  });

  test("a reply is held, then shown under the comment it answers", async ({ page, articlePage, browser }) => {
    const thread = seedArticles.find((a) => a.slug.startsWith("eastmoor-rovers"))!;
    const parent = thread.comments!.find((c) => c.status === "approved")!;
    await page.clock.install();
    await articlePage.asNewReader();
    await articlePage.goto(thread);
    const articleId = await articlePage.articleId();
    await articlePage.comments.getByRole("link", { name: `Reply to ${parent.name}` }).click();
    await expect(articlePage.replyForm).toContainText(`Replying to ${parent.name}`);
    await expect(articlePage.field("Comment")).toBeFocused();
    const text = `A reply to ${parent.name} (${Date.now()})`;
    await articlePage.postCommentUnhurried({ Comment: text, Name: "Reply Writer", Email: `reply-${Date.now()}@example.net` });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

    const moderator = await signedInPage(browser, "moderator");
    const queue = new ModerationPage(moderator);
    await queue.goto({ articleId });
    await expect(queue.entry(text).locator('dt:text-is("Reply to") + dd')).toContainText(parent.name);
    await queue.decide(text, "Approve");
    await expect(queue.status).toHaveText("Approved 1 comment.");
    await moderator.context().close();

    await page.reload();
    const parentItem = articlePage.comments.locator("> ol > li").filter({ hasText: parent.body.split("\n")[0]! });
    await expect(parentItem.locator("ol li").filter({ hasText: text })).toBeVisible();
  });
});
