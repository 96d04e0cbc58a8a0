import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { LoginPage, signedInPage } from "./pages/staff-pages";

const address = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;

/** Creates a writer through /admin/users and returns their email and one-time password. */
async function createWriter(admin: Page) {
  const email = `session-${randomBytes(4).toString("hex")}@example.com`;
  await admin.goto("/admin/users");
  const form = admin.getByRole("region", { name: "Create a user" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Name", { exact: true }).fill("Session Test");
  await form.getByRole("button", { name: "Create user" }).click();
  const message = form.getByText(/shown only now: /);
  await expect(message).toBeVisible();
  const password = (await message.textContent())!.split("shown only now: ")[1]!.trim();
  return { email, password };
}

async function signInAs(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address() } });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  return { page, login };
}

test.describe("sessions and sign-in limits", () => {
  test("a copy of a signed-out cookie is refused", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin");
    const { email, password } = await createWriter(admin);
    const { page } = await signInAs(browser, email, password);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    const copy = await browser.newContext();
    await copy.addCookies(await page.context().cookies());
    const thief = await copy.newPage();
    await thief.goto("/editor");
    await expect(thief.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await thief.goto("/editor");
    await expect(thief).toHaveURL(/\/login/);
    await Promise.all([admin.context().close(), page.context().close(), copy.close()]);
  });

  test("an admin signs a user out everywhere from /admin/users", async ({ browser }) => {
    const admin = await signedInPage(browser, "admin");
    const { email, password } = await createWriter(admin);
    const { page } = await signInAs(browser, email, password);
    await page.goto("/editor");
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();

    await admin.goto("/admin/users");
    await admin.getByRole("row").filter({ hasText: email }).getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(admin.getByText(`${email} is signed out everywhere.`)).toBeVisible();
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login/);
    await Promise.all([admin.context().close(), page.context().close()]);
  });

  test("twenty wrong passwords from twenty addresses pause the account, right password or not", async ({ browser }) => {
    test.setTimeout(90_000);
    const admin = await signedInPage(browser, "admin");
    const { email, password } = await createWriter(admin);
    await admin.context().close();
    const context = await browser.newContext();
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto();
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.setExtraHTTPHeaders({ "x-forwarded-for": `203.0.113.${i + 1}` });
      await login.signIn(email, `guess-${i}`);
      answers.push((await login.alert.textContent()) ?? "");
    }
    expect(answers.slice(0, 5).every((a) => a === "Invalid email or password")).toBe(true);
    expect(answers.slice(5).every((a) => a.startsWith("Too many failed sign-ins"))).toBe(true);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "203.0.113.99" });
    await login.signIn(email, password);
    await expect(login.alert).toContainText("Too many failed sign-ins");
    await context.close();
  });
});
