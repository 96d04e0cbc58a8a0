import { randomBytes } from "node:crypto";
import type { Browser } from "@playwright/test";
import { expect, test } from "./fixtures";
import { readerAddress } from "./pages/article-page";
import { NewsletterSignup } from "./pages/newsletter-signup";
import { ArticleEditor, LoginPage } from "./pages/staff-pages";
import { mailInstance } from "./support/mail-instance";

// Breaking news from the editor's form to a subscriber's inbox, through a real SMTP server in
// this test process (the smtp-server package): an instance of the production build of its own
// sends to it (SMTP_URL) from its own newsletter loop, over an embedded database of its own, so
// no other spec's subscriber or article is in the list.

test.describe.configure({ mode: "serial" });

const staffPassword = "scale-out-password";
const tag = randomBytes(4).toString("hex");
const subscriber = `breaking-${tag}@example.com`;

const mail = mailInstance("breaking");

async function subscribeToBreakingNews(browser: Browser, email: string) {
  const context = await browser.newContext({ baseURL: mail.url, extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
  const page = await context.newPage();
  await page.goto("/");
  const signup = new NewsletterSignup(page);
  await signup.email.fill(email);
  await signup.list("Morning Briefing").uncheck();
  await signup.list("Breaking News").check();
  await signup.subscribe.click();
  await expect(signup.status).toHaveText(/Please check your inbox/);
  const confirmation = await mail.mailTo(email, /^Confirm your subscription/);
  const confirmUrl = /(http:\S+\/newsletters\/confirm\?token=[\w.-]+)/.exec(confirmation.mail.text ?? "")?.[1];
  expect(confirmUrl).toBeTruthy();
  await page.goto(confirmUrl!);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();
  await context.close();
}

test("an editor ticks Send as breaking news when publishing: the list's subscriber gets the alert within a minute, and an article published without it sends nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  await subscribeToBreakingNews(browser, subscriber);

  const context = await browser.newContext({ baseURL: mail.url });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn("editor@example.com", staffPassword);
  const publish = async (title: string, breaking: boolean) => {
    await page.goto("/editor/articles/new");
    const form = new ArticleEditor(page);
    await form.fill({ title, standfirst: `The standfirst of ${title}.`, body: `What happened: ${title}.`, section: "World" });
    const box = page.getByRole("checkbox", { name: "Send as breaking news" });
    // off unless the editor ticks it
    await expect(box).not.toBeChecked();
    if (breaking) await box.check();
    await form.button("Publish").click();
    await expect(page.getByText("Published.")).toBeVisible();
  };

  const quietTitle = `Council minutes approved ${tag}`;
  const breakingTitle = `Bridge closed after crash ${tag}`;
  await publish(quietTitle, false);
  await publish(breakingTitle, true);

  // "within a minute of publication": the newsletter loop makes the alert and sends it
  const alert = await mail.mailTo(subscriber, new RegExp(`^Breaking: ${breakingTitle}$`), 60_000);
  expect(alert.mail.text).toContain(breakingTitle);
  expect(alert.mail.text).toContain(`${mail.url}/world/bridge-closed-after-crash-${tag}`);
  expect(alert.header("List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");

  // The pass that made this alert would have made one for the article published before it,
  // had that been flagged: the newsroom lists one issue, and the reader got nothing else.
  await context.close();
  const adminContext = await browser.newContext({ baseURL: mail.url });
  const admin = await adminContext.newPage();
  const adminLogin = new LoginPage(admin);
  await adminLogin.goto();
  await adminLogin.signIn("admin@example.com", staffPassword);
  await admin.goto("/admin/newsletters");
  const issues = admin.getByRole("region", { name: "Issues" });
  await expect(issues.getByRole("row").filter({ hasText: `Breaking: ${breakingTitle}` })).toHaveCount(1);
  await expect(issues.getByRole("row").filter({ hasText: quietTitle })).toHaveCount(0);
  expect(mail.subjectsTo(subscriber)).toEqual(["Confirm your subscription to Gazette", `Breaking: ${breakingTitle}`]);
  await adminContext.close();
});
