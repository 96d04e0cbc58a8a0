import { randomBytes } from "node:crypto";
import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

const unique = () => randomBytes(4).toString("hex");

// Each test signs in two or three people and waits out the writer's pause: more than the
// default 30 s on a loaded machine.
test.describe.configure({ timeout: 120_000 });
const expectSoon = expect.configure({ timeout: 20_000 });

/**
 * A server action posting FormData: in these tests, once the buttons' saves are done, only the
 * editor's autosave does (the Preview's posts its text as text/plain; Chromium does not hand a
 * multipart body to the test, so the content type is what tells them apart).
 */
const isAutosave = (request: Request) =>
  request.method() === "POST" && !!request.headers()["next-action"] && /^multipart\/form-data/.test(request.headers()["content-type"] ?? "");

const savedAt = (page: Page) => page.getByTestId("autosave-status");

/** Pastes (or drops) a PNG drawn in the page into the Body, as a writer's clipboard would. */
async function putImage(page: Page, how: "paste" | "drop", colour: string) {
  await page.getByLabel("Body", { exact: true }).evaluate(
    async (body: HTMLTextAreaElement, { how, colour }) => {
      const canvas = document.createElement("canvas");
      canvas.width = 640;
      canvas.height = 360;
      const g = canvas.getContext("2d")!;
      g.fillStyle = colour;
      g.fillRect(0, 0, 640, 360);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), "image/png"));
      const data = new DataTransfer();
      data.items.add(new File([blob], "square.png", { type: "image/png" }));
      const init = { bubbles: true, cancelable: true };
      body.dispatchEvent(how === "paste" ? new ClipboardEvent("paste", { ...init, clipboardData: data }) : new DragEvent("drop", { ...init, dataTransfer: data }));
    },
    { how, colour },
  );
}

const randomColour = () => `#${randomBytes(3).toString("hex")}`;

test.describe("autosave", () => {
  test("a draft saves itself after a pause in typing, says when in a live region, and gets its own address", async ({ browser }) => {
    const page = await signedInPage(browser, "writer");
    await page.goto("/editor/articles/new");
    const form = new ArticleEditor(page);
    const title = `Ferry timetable ${unique()}`;
    await form.fill({ title, body: "The first sailing leaves at six.", section: "Science" });
    await expectSoon(savedAt(page)).toHaveText(/^Saved at \d{2}:\d{2}$/);
    await expectSoon(savedAt(page)).toHaveRole("status");
    await expectSoon(savedAt(page)).not.toBeFocused();
    const id = await form.articleId();

    // A later change is saved too: another staff member opening the draft sees it.
    await form.field("Body").fill("The first sailing leaves at six.\n\nThe last at ten.");
    const editor = await signedInPage(browser, "editor");
    await expect
      .poll(
        async () => {
          await editor.goto(`/editor/articles/${id}`);
          return new ArticleEditor(editor).field("Body").inputValue();
        },
        { timeout: 60_000, intervals: [2000, 3000] },
      )
      .toBe("The first sailing leaves at six.\n\nThe last at ten.");
    await expect(new ArticleEditor(editor).field("Title")).toHaveValue(title);
    await expectSoon(savedAt(page)).toHaveText(/^Saved at \d{2}:\d{2}$/);
    await editor.context().close();

    // A reload opens the saved draft at its own address.
    await page.reload();
    await expect(form.field("Body")).toHaveValue("The first sailing leaves at six.\n\nThe last at ten.");
    await page.context().close();
  });

  test("leaving the page saves at once, without waiting for the pause", async ({ browser }) => {
    const page = await signedInPage(browser, "writer");
    // The pause's timer never runs out on this clock: only leaving can save.
    await page.clock.install();
    await page.goto("/editor/articles/new");
    const form = new ArticleEditor(page);
    await form.fill({ title: `Left in a hurry ${unique()}`, body: "Typed just before closing the tab.", section: "Science" });
    const saved = page.waitForResponse((r) => isAutosave(r.request()));
    await page.evaluate(() => {
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    await saved;
    await expectSoon(savedAt(page)).toHaveText(/^Saved at \d{2}:\d{2}$/);
    await page.context().close();
  });

  test("a failed autosave says so and tries again; a reload before it succeeds brings the text back", async ({ browser }) => {
    const page = await signedInPage(browser, "writer");
    await page.goto("/editor/articles/new");
    const form = new ArticleEditor(page);
    await form.fill({ title: `Unsteady line ${unique()}`, body: "Saved by the button.", section: "Science" });
    await form.button("Save draft").click();
    const id = await form.articleId();
    await expect(form.status).toHaveText("Draft saved.");

    let failing = true;
    await page.route((url) => url.pathname === `/editor/articles/${id}`, (route) => (failing && isAutosave(route.request()) ? route.abort("connectionreset") : route.fallback()));
    await form.field("Body").fill("Typed while the line was down.");
    await expectSoon(savedAt(page)).toContainText(/Autosave failed at \d{2}:\d{2}\. Trying again in 2 s/);
    await expectSoon(savedAt(page)).toContainText(/Trying again in 4 s/);

    // Reloaded while the server has not got it: this browser kept it.
    await page.reload();
    await expect(form.field("Body")).toHaveValue("Typed while the line was down.");
    await expectSoon(savedAt(page)).toContainText(/Restored your unsaved changes from \d{2}:\d{2}\./);

    // The line comes back: the restored text is saved.
    failing = false;
    await expectSoon(savedAt(page)).toHaveText(/^Saved at \d{2}:\d{2}$/);
    const editor = await signedInPage(browser, "editor");
    await editor.goto(`/editor/articles/${id}`);
    await expect(new ArticleEditor(editor).field("Body")).toHaveValue("Typed while the line was down.");
    await editor.context().close();
    await page.context().close();
  });

  test("a save someone else made first stops autosave: the lock holds and the text stays", async ({ browser }) => {
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const first = new ArticleEditor(editor);
    await first.fill({ title: `Two hands ${unique()}`, body: "Original.", section: "Business", author: "Sofia Márquez" });
    await first.button("Save draft").click();
    const id = await first.articleId();
    await expect(first.status).toHaveText("Draft saved.");

    const admin = await signedInPage(browser, "admin");
    await admin.goto(`/editor/articles/${id}`);
    const second = new ArticleEditor(admin);
    await second.field("Body").fill("The admin's version.");
    await second.button("Save draft").click();
    await expect(second.status).toHaveText("Draft saved.");

    await first.field("Body").fill("The editor's version, typed meanwhile.");
    await expectSoon(savedAt(editor)).toContainText("Not saved: This article was changed by");
    await expect(first.field("Body")).toHaveValue("The editor's version, typed meanwhile.");

    // The server kept the admin's save.
    await admin.reload();
    await expect(second.field("Body")).toHaveValue("The admin's version.");
    // A reload shows the saved version, and this browser's text beside it to copy from.
    await editor.reload();
    await expect(first.field("Body")).toHaveValue("The admin's version.");
    await expect(editor.getByLabel("Your unsaved body, from this browser")).toHaveValue("The editor's version, typed meanwhile.");
    await admin.context().close();
    await editor.context().close();
  });
});

test.describe("images in the body", () => {
  test("a pasted image is uploaded, described, put at the caret, private while a draft and AVIF once published", async ({ browser, request }) => {
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const form = new ArticleEditor(editor);
    const slug = `pasted-picture-${unique()}`;
    await form.fill({ title: slug.replace(/-/g, " "), body: "First paragraph.\n\nSecond paragraph.", section: "Culture", author: "Tomáš Novák" });
    await form.button("Save draft").click();
    await form.articleId();
    await expect(form.status).toHaveText("Draft saved.");

    await form.field("Body").evaluate((body: HTMLTextAreaElement) => body.setSelectionRange(16, 16));
    await putImage(editor, "paste", randomColour());
    const dialog = editor.getByRole("dialog", { name: "Describe the image" });
    await expectSoon(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Insert image" }).click();
    await expect(dialog.getByText("Please say what the image shows")).toBeVisible();
    await dialog.getByLabel("Alt text").fill("A square of colour");
    await dialog.getByRole("button", { name: "Insert image" }).click();
    await expectSoon(form.field("Body")).toHaveValue(/^First paragraph\.\n\n!\[A square of colour\]\(\/media\/[0-9a-f]{32}\/\d+\.webp\)\n\nSecond paragraph\.$/);
    await expect(form.field("Body")).toBeFocused();
    await expectSoon(editor.getByTestId("body-image-status")).toHaveText("Image inserted.");
    const src = /\((\/media\/[^)]+)\)/.exec(await form.field("Body").inputValue())![1]!;

    // A draft's image: staff see it, readers get a 404.
    expect((await editor.request.get(src)).status()).toBe(200);
    expect((await request.get(src)).status()).toBe(404);
    await expect(editor.getByRole("region", { name: "Preview" }).getByRole("img", { name: "A square of colour" })).toBeVisible();

    await expectSoon(savedAt(editor)).toHaveText(/^Saved at/);
    await form.button("Publish").click();
    await expect(form.status).toHaveText("Published.");
    await editor.context().close();

    const reader = await browser.newPage();
    await reader.goto(`/culture/${slug}`);
    const image = reader.getByRole("img", { name: "A square of colour" });
    await image.scrollIntoViewIfNeeded();
    await expect(image).toHaveAttribute("loading", "lazy");
    // Chromium takes AVIF: the <picture> hands it the AVIF variant.
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.currentSrc : ""))).toMatch(/\/media\/[0-9a-f]{32}\/\d+\.avif$/);
    const avif = await request.get(src.replace(/\.webp$/, ".avif"));
    expect(avif.status()).toBe(200);
    expect(avif.headers()["content-type"]).toBe("image/avif");
    expect((await request.get(src)).headers()["content-type"]).toBe("image/webp");
    await reader.close();
  });

  test("a dropped image goes in too; a writer's draft gets one only once it is saved", async ({ browser }) => {
    const page = await signedInPage(browser, "writer");
    await page.goto("/editor/articles/new");
    const form = new ArticleEditor(page);
    await form.fill({ title: `Dropped picture ${unique()}`, body: "Above." });
    // No section yet: the draft cannot be saved, so neither can its image.
    await putImage(page, "drop", randomColour());
    const dialog = page.getByRole("dialog", { name: "Describe the image" });
    await dialog.getByLabel("Alt text").fill("A dropped square");
    await dialog.getByRole("button", { name: "Insert image" }).click();
    await expectSoon(page.getByTestId("body-image-status")).toContainText("before adding images");
    await expect(form.field("Body")).toHaveValue("Above.");

    await form.field("Section").selectOption({ label: "Science" });
    await form.field("Body").evaluate((body: HTMLTextAreaElement) => body.setSelectionRange(6, 6));
    await putImage(page, "drop", randomColour());
    await dialog.getByLabel("Alt text").fill("A dropped square");
    await dialog.getByLabel("Alt text").press("Enter");
    await expectSoon(form.field("Body")).toHaveValue(/^Above\.\n\n!\[A dropped square\]\(\/media\/[0-9a-f]{32}\/\d+\.webp\)$/);
    await form.articleId();
    await page.context().close();
  });
});

test("on a laptop the editor's Section, Author and Tags are in view beside the Title, without scrolling", async ({ browser }) => {
  const page = await signedInPage(browser, "editor");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/editor/articles/new");
  const form = new ArticleEditor(page);
  for (const label of ["Title", "Section", "Author", "Tags"]) await expect(form.field(label), label).toBeInViewport({ ratio: 1 });
  await page.context().close();
});

test("cards come as AVIF to a browser that takes it, and as WebP to one that does not", async ({ page }) => {
  await page.goto("/");
  // The lead story's card: the other fronts' cards may be the suite's own articles, without pictures.
  const card = page.getByRole("region", { name: "Lead story" }).locator("picture");
  const avif = (await card.locator('source[type="image/avif"]').getAttribute("srcset"))!.split(", ")[0]!.split(" ")[0]!;
  const webp = (await card.locator("img").getAttribute("srcset"))!.split(", ")[0]!.split(" ")[0]!;
  expect(avif).toMatch(/^\/media\/[0-9a-f]{32}\/480\.avif$/);
  expect(webp).toBe(avif.replace(/\.avif$/, ".webp"));
  expect((await page.request.get(avif)).headers()["content-type"]).toBe("image/avif");
  expect((await page.request.get(webp)).headers()["content-type"]).toBe("image/webp");
  // Chromium takes AVIF, so the <source> is what it shows.
  await expect.poll(() => card.locator("img").evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.avif$/);
  // Next.js's optimizer is off: nothing encodes images on request but the stored variants' route.
  expect((await page.request.get(`/_next/image?url=${encodeURIComponent(webp)}&w=640&q=75`)).status()).toBe(404);
});
