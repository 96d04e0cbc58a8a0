import { randomBytes } from "node:crypto";
import { expect, richestArticle, test } from "./fixtures";
import { readerAddress } from "./pages/article-page";
import { NewsletterSignup, firstMailTo, header } from "./pages/newsletter-signup";

const article = richestArticle();
const fresh = () => `reader-${randomBytes(5).toString("hex")}@example.com`;

test.describe("newsletter signup", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });

  test("with JavaScript: subscribe on an article, confirm from the email, leave with one click", async ({ page, request }) => {
    await page.goto(`/${article.section}/${article.slug}`);
    const signup = new NewsletterSignup(page);
    await expect(signup.list("Morning Briefing")).toBeChecked();
    await expect(signup.list("Breaking News")).toBeChecked();
    const email = fresh();
    await signup.email.fill(email);
    await signup.subscribe.click();
    await expect(signup.status).toHaveText(/Please check your inbox/);

    const { mail, raw } = await firstMailTo(email);
    expect(mail.subject).toBe("Confirm your subscription to Gazette");
    expect(header(raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const confirm = /http:\/\/127\.0\.0\.1:\d+(\/newsletters\/confirm\?token=[\w.-]+)/.exec(mail.text ?? "")?.[1];
    expect(confirm).toBeTruthy();
    await page.goto(confirm!);
    await page.getByRole("button", { name: "Confirm subscription" }).click();
    await expect(page.getByRole("heading", { name: "You are subscribed" })).toBeVisible();

    await page.getByRole("link", { name: "Manage your newsletters" }).click();
    await expect(page.getByRole("checkbox", { name: /Morning Briefing/ })).toBeChecked();

    // RFC 8058: the mail client's POST to the List-Unsubscribe URL, with no cookie and no page.
    const oneClick = /^<(.+)>$/.exec(header(raw, "List-Unsubscribe") ?? "")?.[1];
    const answer = await request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" }, headers: { cookie: "" } });
    expect(answer.status()).toBe(200);
    await page.reload();
    await expect(page.getByRole("status")).toHaveText(/is not subscribed to anything/);
  });

  test("without JavaScript: the form posts, keeps what was typed on an error, and says what to fix", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": readerAddress() } });
    const page = await context.newPage();
    await page.goto("/");
    const signup = new NewsletterSignup(page);
    await signup.list("Breaking News").uncheck();
    await signup.email.fill("not an address");
    await signup.subscribe.click();
    await expect(page.getByText("Please enter a valid email address")).toBeVisible();
    await expect(signup.email).toHaveValue("not an address");
    await expect(signup.email).toHaveAttribute("aria-invalid", "true");
    await expect(signup.list("Breaking News")).not.toBeChecked();
    await expect(signup.list("Morning Briefing")).toBeChecked();

    const email = fresh();
    await signup.email.fill(email);
    await signup.subscribe.click();
    await expect(signup.status).toHaveText(/Please check your inbox/);
    const { mail } = await firstMailTo(email);
    expect(mail.text).toContain("Morning Briefing");
    expect(mail.text).not.toContain("Breaking News");
    await context.close();
  });

  test("the cached page carries nothing of a reader: two readers get the same form", async ({ request }) => {
    const section = await request.get(`/${article.section}`);
    const html = await section.text();
    expect(html).toContain('name="source" value="section:');
    const again = await (await request.get(`/${article.section}`, { headers: { "x-forwarded-for": readerAddress() } })).text();
    const form = (s: string) => /<form[^>]*>[\s\S]*?Subscribe[\s\S]*?<\/form>/.exec(s)?.[0];
    expect(form(again)).toBe(form(html));
  });
});
