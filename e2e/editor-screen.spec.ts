import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

test("the writing screen: fields at their own height, a preview as readers see it, a word count, focus on the result of a save, and its time in the site's zone", async ({ browser }) => {
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

  // Staff times are shown in the site's time zone (UTC in the demo settings) and name it.
  const saved = page.getByRole("region", { name: "Revisions" }).locator("time").first();
  await expect(saved).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2}:\d{2} UTC$/);
  await expect(saved).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  await page.context().close();
});
