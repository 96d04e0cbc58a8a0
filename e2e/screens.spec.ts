import { expect, richestArticle, test } from "./fixtures";
import { settled } from "./support/settled";

const article = richestArticle();
const pages = [
  ["home", "/"],
  ["section", `/${article.section}`],
  ["article", `/${article.section}/${article.slug}`],
  ["search", "/search?q=harbour"],
] as const;

// Screenshots for people to look at, attached to the report; the checks are what a phone or
// a desktop reader would notice first: sideways scrolling and content jumping as it loads.
for (const width of [390, 1280]) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const [name, path] of pages) {
      test(`${name} fits the screen, holds still, and is attached as a screenshot`, async ({ page }, testInfo) => {
        await page.addInitScript(() => {
          (window as unknown as { shift: number }).shift = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
              if (!entry.hadRecentInput) (window as unknown as { shift: number }).shift += entry.value;
            }
          }).observe({ type: "layout-shift", buffered: true });
        });
        await page.goto(path);
        await page.waitForLoadState("load");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await settled(page);
        expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.05);
        await testInfo.attach(`${name}-${width}px.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
      });
    }
  });
}
