import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

test("the writing screen: fields at their own height, a preview as readers see it, a word count, and focus on the result of a save", async ({ browser }) => {
  const page = await signedInPage(browser, "writer");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/editor/articles/new");
  const form = new ArticleEditor(page);
  const title = `Tide tables move online ${randomBytes(3).toString("hex")}`;
  await form.fill({ title, standfirst: "The harbour office stops printing them.", body: "One two three four five.\n\n## Why\n\nSix seven.", section: "Science" });

  // On a desktop the Title field is one line tall, not stretched to the preview beside it.
  const box = await form.field("Title").boundingBox();
  expect(box!.height).toBeLessThan(60);

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByText(title, { exact: true })).toBeVisible();
  await expect(preview.getByText("The harbour office stops printing them.")).toBeVisible();
  await expect(preview.getByRole("heading", { name: "Why" })).toBeVisible();
  await expect(page.getByTestId("body-count")).toHaveText("8 words · 1 min read");

  await form.button("Save draft").click();
  await form.articleId();
  await form.field("Body").fill("Changed.");
  await form.button("Save draft").click();
  const status = page.getByRole("status").first();
  await expect(status).toHaveText("Draft saved.");
  await expect(status).toBeFocused();
  await page.context().close();
});
