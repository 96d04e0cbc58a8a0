import { expect, test } from "./fixtures";
import { seedArticles } from "../db/seed";

const article = seedArticles[0]!;

test.describe("pages that do not exist", () => {
  const paths = [
    ["an unknown section", "/no-such-section"],
    ["an unknown article", `/${article.section}/no-such-article`],
    ["an article under the wrong, unknown section", `/no-such-section/${article.slug}`],
    ["a path below an article", `/${article.section}/${article.slug}/extra/parts`],
    ["a very long slug", `/${article.section}/${"a".repeat(3000)}`],
    ["percent-encoded control and override characters", "/%E2%80%AE%00/%2e%2e%2f%2e%2e"],
    ["malformed percent-encoding under a section", `/${article.section}/%FF%FE`],
    ["an unknown author", "/author/nobody-here"],
    ["an unknown tag", "/tag/nothing-here"],
  ];
  for (const [name, path] of paths) {
    test(`${name} answers 404 with the site's page`, async ({ page }) => {
      const response = await page.goto(path!);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to the front page" })).toHaveAttribute("href", "/");
    });
  }

  test("a draft is invisible, even by its exact URL", async ({ page, draft, request }) => {
    const response = await page.goto(`/${draft.section}/${draft.slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText(draft.title)).toHaveCount(0);
    const home = await request.get("/");
    expect(await home.text()).not.toContain(draft.title);
  });
});
