import { expect, test } from "./fixtures";
import { archive } from "./support/archive";

// Whatever arrives in a URL gets a page a person can read, or the site's 404: never a 500.
const junk = [
  "x".repeat(10 * 1024),
  "%FF%FE%00",
  "%E2%80%AE%F0%9F%92%A5%EF%BF%BF",
  "%E2%80%AE%00%ED%A0%BD", // an override, NUL and a lone surrogate, as raw bytes
  "' OR 1=1; --",
  "<svg onload=alert(1)>",
  "%25%25%25",
  "a:* & !b | <-> (",
  "漢字 ümlaut ﷽",
];

test.describe("bad input", () => {
  for (const [i, value] of junk.entries()) {
    test(`search query #${i} gets a clear page`, async ({ page }) => {
      const response = await page.goto(`/search?q=${value.includes("%") ? value : encodeURIComponent(value)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
      await expect(page.getByRole("status")).not.toBeEmpty();
    });
  }

  test("an empty page parameter is the first page", async ({ page }) => {
    const response = await page.goto(`/${archive.section}?page=`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of");
  });

  const notFound = [
    `/${archive.section}?page=${"9".repeat(40)}`,
    `/${archive.section}?page=%FF`,
    `/${archive.section}?page=%2e%2e`,
    `/${archive.section}?page=1%2F..`,
    `/author/${archive.author}?page=-3`,
    `/tag/${archive.tag.slug}?page=2.5`,
    `/search?q=harbour&page=abc`,
    `/search?q=harbour&page=${"9".repeat(30)}`,
    `/author/${"x".repeat(500)}`,
    `/tag/%E2%80%AE%00`,
    `/%F0%9F%92%A5?page=2`,
  ];
  for (const path of notFound) {
    test(`${path.slice(0, 60)} answers 404 with the site's page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    });
  }
});
