import type { Page } from "@playwright/test";

/**
 * Waits until the page has nothing left to do that could move or run anything: its fonts and
 * images are in (or have failed, which fires onerror; a lazy image far below the fold loads
 * only when scrolled to, into the box its width and height keep), two frames have been drawn (autofocus
 * and layout shifts are handled while a frame is made) and the browser has been idle once.
 * A condition, not a guessed sleep: it returns as soon as the page is still, and never early.
 */
export async function settled(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => document.fonts.status === "loaded" && [...document.images].every((image) => image.complete || image.loading === "lazy"));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 5000 }))),
      ),
  );
}
