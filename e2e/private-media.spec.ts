import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

/** A PNG of noise, which does not compress: `bytes` on the wire, about. */
async function noisyPng(bytes: number) {
  const sharp = (await import("sharp")).default;
  const width = 1200;
  const height = Math.ceil(bytes / (width * 3));
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

test("a 3 MB hero uploads, and while the article is a draft its image is a 404 to readers only", async ({ browser, request }) => {
  const id = randomBytes(4).toString("hex");
  const photo = await noisyPng(3 * 1024 * 1024);
  expect(photo.length).toBeGreaterThan(3 * 1024 * 1024);
  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Embargoed pictures ${id}`, body: "Not yet.", section: "Culture", author: "Tomáš Novák" });
  await editor.getByLabel("Image file").setInputFiles({ name: "noise.png", mimeType: "image/png", buffer: photo });
  await editor.getByLabel("Image description").fill("Noise");
  await form.button("Save draft").click();
  await form.articleId();

  const preview = editor.locator('img[src^="/media/"]');
  const src = (await preview.getAttribute("src"))!;
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.webp$/);
  expect((await editor.request.get(src)).status()).toBe(200);
  expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  const reader = await request.get(src);
  expect(reader.status()).toBe(404);
  expect(reader.headers()["cache-control"]).not.toMatch(/public/);
  await editor.context().close();
});

test("an image of almost 10 MB arrives whole, past the proxy", async ({ browser }) => {
  // uploading and resizing 10 MB of noise takes a while on a loaded machine
  test.setTimeout(120_000);
  const photo = await noisyPng(9.5 * 1024 * 1024);
  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Large picture ${randomBytes(4).toString("hex")}`, body: "Big.", section: "Culture", author: "Tomáš Novák" });
  await editor.getByLabel("Image file").setInputFiles({ name: "large.png", mimeType: "image/png", buffer: photo });
  await editor.getByLabel("Image description").fill("Noise");
  await form.button("Save draft").click();
  await form.articleId();
  await expect(editor.locator('img[src^="/media/"]')).toBeVisible();
  await editor.context().close();
});

test("a body larger than the upload limit answers 413, not 500", async ({ browser }) => {
  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Too big ${randomBytes(4).toString("hex")}`, body: "Big.", section: "Culture", author: "Tomáš Novák" });
  await editor.getByLabel("Image file").setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: await noisyPng(12 * 1024 * 1024) });
  const [response] = await Promise.all([
    editor.waitForResponse((r) => r.request().method() === "POST"),
    form.button("Save draft").click(),
  ]);
  expect(response.status()).toBe(413);
  await editor.context().close();
});
