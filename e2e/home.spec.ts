import { expect, test } from "./fixtures";
import { seedArticles } from "../scripts/seed/demo";

test("the home page lists the latest articles and leads to them", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Gazette");
  const newest = [...seedArticles].sort((a, b) => a.daysAgo - b.daysAgo || b.hour - a.hour)[0]!;
  await expect(page.getByRole("link", { name: newest.title }).first()).toBeVisible();
  const links = page.locator("main h2 a, main h3 a");
  expect(await links.count()).toBeGreaterThanOrEqual(20);
  await links.first().click();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toBeVisible();
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { kind: expect.stringMatching(/embedded|postgres/) } });
  expect(response.headers()["cache-control"]).toContain("no-store");
});
