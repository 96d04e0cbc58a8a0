import { randomBytes } from "node:crypto";
import { seedArticles } from "../scripts/seed/demo";
import { expect, test } from "./fixtures";
import { ArticlePage } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

const id = () => randomBytes(4).toString("hex");
// An email the seed gave an approved comment: a commenter the site already knows, though not
// their browser.
const known = seedArticles.flatMap((a) => a.comments ?? []).find((c) => c.status === "approved")!;

test("comment modes: open publishes a trusted commenter's browser at once, moderated holds, closed refuses", async ({ browser, page, articlePage }) => {
  test.setTimeout(90_000);
  const slug = `library-hours-${id()}`;
  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Library hours extended ${slug.slice(-8)}`, standfirst: "Open until nine.", body: "Three evenings a week.", section: "Culture" });
  await form.field("Slug").fill(slug);
  await form.field("Comments").selectOption("open");
  await form.button("Publish").click();
  await expect(editor.getByText("Published.")).toBeVisible();
  const article = { section: "culture", slug };

  await page.clock.install();
  await articlePage.asNewReader();
  await articlePage.goto(article);
  // A commenter's first comment here waits; once a moderator approves it, this browser's next
  // one is published at once.
  const email = `regular-${id()}@example.net`;
  const first = `First words here (${id()})`;
  await articlePage.postCommentUnhurried({ Comment: first, Name: "Regular Reader", Email: email });
  await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
  const moderator = new ModerationPage(await signedInPage(browser, "moderator"));
  await moderator.goto({ articleId: await articlePage.articleId() });
  await moderator.decide(first, "Approve");
  await expect(moderator.entry(first)).toHaveCount(0);
  await moderator.page.context().close();

  const welcome = `Welcome news (${id()})`;
  await articlePage.postCommentUnhurried({ Comment: welcome, Name: "Regular Reader", Email: email });
  await expect(articlePage.replyForm.getByRole("status")).toHaveText("Thank you! Your comment has been published.");
  // Someone else who types that email, or a known commenter's, is held like anyone new.
  const impostor = new ArticlePage(await browser.newPage());
  await impostor.page.clock.install();
  await impostor.asNewReader();
  await impostor.goto(article);
  const forged = `Not really them (${id()})`;
  await impostor.postCommentUnhurried({ Comment: forged, Name: "Regular Reader", Email: email });
  await expect(impostor.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
  await impostor.postCommentUnhurried({ Comment: `Also not them (${id()})`, Name: known.name, Email: known.email });
  await expect(impostor.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
  await impostor.page.context().close();
  const stranger = `First time here (${id()})`;
  await articlePage.postCommentUnhurried({ Comment: stranger, Name: "New Reader", Email: `new-${id()}@example.net` });
  await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
  // A trusted commenter does not skip the spam checks: sent the instant the form is ready, it waits.
  const hurried = `Hurried words (${id()})`;
  await articlePage.postComment({ Comment: hurried, Name: "Regular Reader", Email: email });
  await expect(articlePage.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");

  const reader = new ArticlePage(await browser.newPage());
  await reader.goto(article);
  await expect(reader.comments.getByText(welcome)).toBeVisible();
  await expect(reader.comments.getByText(forged)).toHaveCount(0);
  await expect(reader.comments.getByText(stranger)).toHaveCount(0);
  await expect(reader.comments.getByText(hurried)).toHaveCount(0);
  await expect(reader.byline).toContainText("2 comments");

  // Closed: the form goes, the page says so, and the server refuses a post sent anyway.
  await form.field("Comments").selectOption("closed");
  const before = editor.url();
  await form.button("Publish").click();
  // Saved when the editor has moved to the article's next version.
  await expect(editor).not.toHaveURL(before);
  await expect(editor.getByText("Published.")).toBeVisible();
  await reader.page.reload();
  await expect(reader.page.getByText("Comments are closed for this article.")).toBeVisible();
  await expect(reader.replyForm).toHaveCount(0);
  await expect(reader.comments.getByText(welcome)).toBeVisible();
  await expect(reader.comments.getByRole("link", { name: /^Reply/ })).toHaveCount(0);

  // The reader whose page still shows the form posts: refused, with what they typed kept.
  await articlePage.postCommentUnhurried({ Comment: "Too late?" });
  await expect(articlePage.replyForm.getByRole("status")).toHaveText("Comments are closed for this article.");
  await expect(articlePage.field("Comment")).toHaveValue("Too late?");
  await editor.context().close();
  await reader.page.context().close();
});
