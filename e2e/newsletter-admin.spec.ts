import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { mailTo } from "./pages/newsletter-signup";
import { signedInPage } from "./pages/staff-pages";

// /admin/newsletters in a browser: an admin makes a list and switches it off, imports
// addresses with and without attested consent, finds them, and exports them as CSV. The list
// is made switched off in the end, so reader pages of other specs offer the same lists.

test.setTimeout(180_000);

test("an admin makes a list, switches it off, imports, searches and exports subscribers", async ({ browser, playwright, baseURL }) => {
  const page = await signedInPage(browser, "admin");
  const stamp = randomBytes(4).toString("hex");
  const name = `Admin list ${stamp}`;
  try {
    await page.goto("/admin/newsletters");
    await expect(page.getByRole("heading", { level: 1, name: "Newsletters" })).toBeVisible();
    await expect(page.getByRole("note")).toContainText("SMTP_URL is not set");

    const create = page.locator("form", { has: page.getByRole("button", { name: "Create newsletter" }) });
    await create.getByLabel("Name").fill(name);
    await create.getByLabel("Kind").selectOption("breaking");
    await create.getByRole("button", { name: "Create newsletter" }).click();
    await expect(create.getByRole("status")).toHaveText(`${name} created.`);

    await page.reload();
    const summary = page.getByText(new RegExp(`^${name} \\(breaking news, on\\)`));
    await summary.click();
    const edit = page.locator("form", { has: page.getByRole("button", { name: `Save ${name}` }) });
    await edit.getByLabel("On (offered on the site and sent)").uncheck();
    await edit.getByRole("button", { name: `Save ${name}` }).click();
    await expect(edit.getByRole("status")).toHaveText(`${name} saved.`);
    await page.reload();
    await expect(page.getByText(new RegExp(`^${name} \\(breaking news, off\\)`))).toBeVisible();

    // Import: attested addresses are subscribed at once; the other gets a confirmation.
    const importForm = page.locator("form", { has: page.getByRole("button", { name: "Import" }) });
    await importForm.getByLabel("Or paste CSV").fill(`email\nkept-a-${stamp}@example.com\nkept-b-${stamp}@example.com\n`);
    await importForm.getByRole("checkbox", { name }).check();
    await importForm.getByLabel(/I attest that every address gave consent/).check();
    await importForm.getByRole("button", { name: "Import" }).click();
    await expect(importForm.getByRole("status")).toHaveText("2 address(es) subscribed (consent attested by you); 0 suppressed and skipped; 0 invalid row(s).");
    await page.reload();
    const again = page.locator("form", { has: page.getByRole("button", { name: "Import" }) });
    await again.getByLabel("Or paste CSV").fill(`asked-${stamp}@example.com`);
    await again.getByRole("checkbox", { name }).check();
    await again.getByRole("button", { name: "Import" }).click();
    await expect(again.getByRole("status")).toContainText("1 address(es) sent a confirmation email");
    // An import's confirmations go out on the server's next newsletter pass (every few seconds).
    await expect.poll(async () => (await mailTo(`asked-${stamp}@example.com`)).map((m) => m.mail.subject), { timeout: 90_000 }).toEqual(["Confirm your subscription to Gazette"]);

    await page.getByLabel("Search addresses").fill(stamp);
    await page.getByRole("button", { name: "Search" }).click();
    const rows = page.getByRole("table").last().getByRole("row");
    await expect(rows.filter({ hasText: `kept-a-${stamp}@example.com` })).toContainText(`confirmed${name}`);
    await expect(rows.filter({ hasText: `asked-${stamp}@example.com` })).toContainText("pending");
    await expect(rows).toHaveCount(4);

    const csv = await page.request.get("/admin/newsletters/export.csv");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).split("\r\n");
    expect(lines[0]).toBe("email,status,confirmed_at,lists");
    expect(lines.find((l) => l.startsWith(`kept-b-${stamp}@example.com,confirmed,`))).toMatch(new RegExp(`,${name}$`));

    // Signed out: no export (the proxy sends staff paths to sign-in first).
    const anonymous = await playwright.request.newContext({ baseURL });
    const refused = await anonymous.get("/admin/newsletters/export.csv", { maxRedirects: 0 });
    expect([307, 401]).toContain(refused.status());
    expect(await refused.text()).not.toContain(stamp);
    await anonymous.dispose();
  } finally {
    await page.context().close();
  }
});
