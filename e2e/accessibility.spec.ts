import AxeBuilder from "@axe-core/playwright";
import { expect, richestArticle, test } from "./fixtures";
import { archive } from "./support/archive";

const article = richestArticle();
const pages = [
  ["home", "/"],
  ["section", `/${archive.section}`],
  ["section, page 2", `/${archive.section}?page=2`],
  ["article", `/${article.section}/${article.slug}`],
  ["author", `/author/${article.author}`],
  ["tag", `/tag/${archive.tag.slug}`],
  ["search", "/search?q=harbour"],
  ["search without results", "/search?q=the"],
  ["not found", "/no-such-section"],
] as const;

test.describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const [name, path] of pages) {
      test(`${name} has no axe violations (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        expect(summary).toEqual([]);
      });
    }
  }

  test("the skip link is the first stop, visible when focused, and moves focus to the content", async ({ page }) => {
    await page.goto(`/${archive.section}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    // the next Tab lands inside the main content, past the header's links
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  test("focus is visible on links and controls", async ({ page }) => {
    await page.goto("/");
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { width: parseFloat(style.outlineWidth), style: style.outlineStyle };
      });
      expect(outline.style).not.toBe("none");
      expect(outline.width).toBeGreaterThanOrEqual(2);
    }
  });
});
