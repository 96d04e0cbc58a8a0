import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { LoginPage, seedPassword, signedInPage, staffEmail } from "./pages/staff-pages";

test.describe("staff sign-in", () => {
  test("an anonymous visitor is sent to sign in and comes back after", async ({ page }) => {
    await page.goto("/editor?status=draft");
    await expect(page).toHaveURL(/\/login\?next=%2Feditor%3Fstatus%3Ddraft$/);
    const login = new LoginPage(page);
    await login.signIn(staffEmail("editor"), seedPassword());
    await expect(page).toHaveURL(/\/editor\?status=draft$/);
    await expect(page.getByRole("heading", { level: 1, name: "Articles" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/editor");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an unknown email and a wrong password get the same answer, and the email stays", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(`nobody-${randomBytes(4).toString("hex")}@example.com`, "whatever-password");
    await expect(login.alert).toHaveText("Invalid email or password");
    await login.signIn(staffEmail("writer"), "not-the-password");
    await expect(login.alert).toHaveText("Invalid email or password");
    await expect(login.email).toHaveValue(staffEmail("writer"));
    await expect(login.password).toHaveValue("");
  });

  test("after five failures sign-in pauses, and the audit log records it", async ({ page, browser }) => {
    const email = `target-${randomBytes(4).toString("hex")}@example.com`;
    const login = new LoginPage(page);
    await login.goto();
    for (let i = 0; i < 5; i++) {
      await login.signIn(email, `wrong-${i}`);
      await expect(login.alert).toHaveText("Invalid email or password");
    }
    await login.signIn(email, "wrong-again");
    await expect(login.alert).toContainText("Too many failed sign-ins");

    const admin = await signedInPage(browser, "admin");
    await admin.goto("/admin/audit");
    await expect(admin.getByRole("row").filter({ hasText: "auth.throttled" }).filter({ hasText: email })).toBeVisible();
    await admin.context().close();
  });

  test("roles: a writer gets the 403 page on admin screens and no admin links", async ({ browser }) => {
    const writer = await signedInPage(browser, "writer");
    await expect(writer.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Users" })).toHaveCount(0);
    const response = await writer.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expect(writer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    // Writers do not moderate: the same 403 page, not an error that would also be "not 200".
    expect((await writer.goto("/moderation"))?.status()).toBe(403);
    await expect(writer.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await writer.context().close();
  });

  test("staff pages carry a nonce policy and are never cached", async ({ browser }) => {
    const editor = await signedInPage(browser, "editor");
    const response = await editor.goto("/editor");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["cache-control"]).toMatch(/private/);
    expect(headers["cache-control"]).toMatch(/no-store/);
    await editor.context().close();
  });
});
