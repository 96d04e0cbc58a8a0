import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";
import { archive } from "./support/archive";
import { readerPages as pages, staffAddresses } from "./support/page-list";

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

  test("staff pages have no axe violations", async ({ browser }) => {
    // a sign-in, a draft and eleven pages, each analysed
    test.setTimeout(180_000);
    const page = await signedInPage(browser, "admin");
    const found: string[] = [];
    for (const [name, path] of await staffAddresses(page)) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).analyze();
      for (const v of results.violations) found.push(`${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });

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
