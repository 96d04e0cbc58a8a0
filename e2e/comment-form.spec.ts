import { expect, richestArticle, test } from "./fixtures";

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
  });

  test("holds a new comment for moderation and shows it only to its writer", async ({ articlePage, browser }) => {
    await articlePage.goto(article);
    const text = `A reader's view ${Date.now()}`;
    await articlePage.postComment({ Comment: text, Name: "Ria Ortega", Email: "ria@example.net" });
    await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
    await expect(articlePage.replyForm.getByRole("article", { name: "Your comment" })).toContainText(text);

    const other = await browser.newPage();
    await other.goto(`/${article.section}/${article.slug}`);
    await expect(other.getByText(text)).toHaveCount(0);
    await other.close();
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
