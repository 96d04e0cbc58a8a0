import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import { expect, richestArticle, test } from "./fixtures";
import { ArticlePage, readerAddress } from "./pages/article-page";
import { ModerationPage } from "./pages/moderation-page";
import { LoginPage } from "./pages/staff-pages";
import { mailInstance } from "./support/mail-instance";

// Reply alerts through a real SMTP server in this test process (the smtp-server package): an
// instance of the production build of its own sends to it (SMTP_URL), over an embedded database
// of its own, so nothing here touches the rows other specs count.

test.describe.configure({ mode: "serial" });

const article = richestArticle();
const articlePath = `/${article.section}/${article.slug}`;
const staffPassword = "scale-out-password";
const tag = randomBytes(4).toString("hex");
const commenter = { name: `Ada Alert ${tag}`, email: `ada-${tag}@example.com` };

const mail = mailInstance("alerts");

async function context(browser: Browser, javaScriptEnabled = true): Promise<BrowserContext> {
  return browser.newContext({ baseURL: mail.url, javaScriptEnabled, extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
}

const local = (url: string) => url.replace(/^http:\/\/127\.0\.0\.1:\d+/, "");

test("a reader opts in without JavaScript, confirms at the first reply, gets the next reply by email and stops with one click", async ({ browser }) => {
  test.setTimeout(180_000);
  const moderatorContext = await context(browser);
  const moderatorPage = await moderatorContext.newPage();
  await new LoginPage(moderatorPage).goto();
  await new LoginPage(moderatorPage).signIn("moderator@example.com", staffPassword);
  const moderation = new ModerationPage(moderatorPage);
  const approve = async (text: string) => {
    await moderation.goto();
    await moderation.decide(text, "Approve");
    // An approval queues its reply alert in its transaction: slow on a busy machine.
    await expect(moderation.status).toHaveText(/Approved 1 comment/, { timeout: 30_000 });
  };

  // The commenter, without JavaScript: the checkbox is a plain form field, off by default.
  const readerContext = await context(browser, false);
  const reader = new ArticlePage(await readerContext.newPage());
  await reader.goto(article);
  const notify = reader.replyForm.getByRole("checkbox", { name: "Notify me of replies by email" });
  await expect(notify).not.toBeChecked();
  const original = `Will the ferry timetable change too? ${tag}`;
  await reader.field("Comment").fill(original);
  await reader.field("Name").fill(commenter.name);
  await reader.field("Email").fill(commenter.email);
  await notify.check();
  await reader.replyForm.getByRole("button", { name: "Post Comment" }).click();
  await expect(reader.page.getByText("Your comment is awaiting moderation.").first()).toBeVisible();
  await approve(original);

  // Someone else replies, with JavaScript, from the comment's Reply link.
  const replierContext = await context(browser);
  const replierPage = await replierContext.newPage();
  await replierPage.clock.install();
  const replier = new ArticlePage(replierPage);
  const replyTo = replierPage.getByRole("link", { name: `Reply to ${commenter.name}` });
  await expect(async () => {
    await replier.goto(article);
    await expect(replyTo).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  // With JavaScript too the box starts unticked, and an error keeps the tick with what was typed.
  const replierNotify = replier.replyForm.getByRole("checkbox", { name: "Notify me of replies by email" });
  await expect(replierNotify).not.toBeChecked();
  await replierNotify.check();
  await replier.postComment({ Comment: "A comment with a typo in the address", Name: "Bo", Email: "bo@" });
  await expect(replier.replyForm.getByText("You have entered an incorrect email address!")).toBeVisible();
  await expect(replierNotify).toBeChecked();
  await expect(replier.field("Email")).toHaveValue("bo@");

  const reply = async (text: string) => {
    await replier.goto(article);
    await replyTo.click();
    await expect(replier.replyForm.getByText(`Replying to ${commenter.name}`)).toBeVisible();
    await replier.postCommentUnhurried({ Comment: text, Name: `Bo Replier ${tag}`, Email: `bo-${tag}@example.com` });
    await expect(replier.replyForm.getByRole("status")).toHaveText("Your comment is awaiting moderation.");
  };

  // The first approved reply asks the commenter to confirm, and carries none of its words.
  const first = `The timetable stays as it is, says the operator. ${tag}`;
  await reply(first);
  await approve(first);
  const confirmation = await mail.mailTo(commenter.email, /^Confirm reply alerts/);
  expect(confirmation.mail.text).not.toContain(first);
  expect(confirmation.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  const confirmUrl = /(http:\S+\/newsletters\/replies\/confirm\?token=[\w.-]+)/.exec(confirmation.mail.text ?? "")?.[1];
  expect(confirmUrl).toBeTruthy();
  // Opening the link confirms nothing (mail scanners follow links); the button does.
  await reader.page.goto(local(confirmUrl!));
  await reader.page.getByRole("button", { name: "Confirm reply alerts" }).click();
  await expect(reader.page.getByRole("heading", { name: "Reply alerts are on" })).toBeVisible();

  // The next approved reply arrives: its words, and a link to it.
  const second = `Correction: the Sunday ferry leaves at 9:40 <now>. ${tag}`;
  await reply(second);
  await approve(second);
  const alert = await mail.mailTo(commenter.email, /replied to your comment/);
  expect(alert.mail.subject).toBe(`Bo Replier ${tag} replied to your comment on ${article.title}`);
  expect(alert.mail.text).toContain(second);
  expect(alert.mail.html).toContain("9:40 &lt;now&gt;.");
  const permalink = new RegExp(`(http:\\S+${articlePath}/comment/(\\d+))`).exec(alert.mail.text ?? "");
  expect(permalink).toBeTruthy();
  await reader.page.goto(local(permalink![1]!));
  await expect(reader.page.locator(`#comment-${permalink![2]}`)).toContainText(second);

  // Stop: the footer's link is a page whose button works without JavaScript ...
  const stopUrl = /(http:\S+\/newsletters\/replies\?token=[\w.-]+)/.exec(alert.mail.text ?? "")?.[1];
  await reader.page.goto(local(stopUrl!));
  await reader.page.getByRole("button", { name: "Stop reply alerts" }).click();
  await expect(reader.page.getByRole("heading", { name: "Reply alerts are off" })).toBeVisible();
  // ... and the List-Unsubscribe URL takes the mail client's RFC 8058 POST, with no cookie.
  const oneClick = /^<(.+)>$/.exec(alert.header("List-Unsubscribe") ?? "")?.[1];
  expect(oneClick).toContain("/newsletters/replies/unsubscribe?token=");
  const answer = await readerContext.request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" }, headers: { cookie: "" } });
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toBe("Reply alerts are off.\n");

  await Promise.all([moderatorContext.close(), readerContext.close(), replierContext.close()]);
});
