import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { ArticleEditor, signedInPage } from "./pages/staff-pages";

const unique = () => randomBytes(4).toString("hex");

test.describe("the editorial workflow", () => {
  test("a writer's draft goes through review to publication and appears where it belongs", async ({ browser, page }) => {
    // Two sign-ins (scrypt), a draft, a review, a publication and five reader pages: at CI's load
    // each step takes one to two seconds, and the whole ran 32 s against Playwright's 30.
    test.setTimeout(90_000);
    const id = unique();
    const title = `Harbour ferry timetable changes ${id}`;
    const tag = `Ferries ${id}`;
    const writer = await signedInPage(browser, "writer");
    await writer.goto("/editor/articles/new");
    const draft = new ArticleEditor(writer);
    await draft.fill({
      title,
      standfirst: "New winter times start next week.",
      body: "## What changes\n\n- Earlier first sailing\n- Later last sailing\n\n> \"It helps shift workers,\" said a pilot.",
      section: "Sport",
      tags: tag,
    });
    await expect(draft.field("Slug")).toHaveValue(`harbour-ferry-timetable-changes-${id}`);
    await expect(writer.getByRole("region", { name: "Preview" }).getByRole("heading", { name: "What changes" })).toBeVisible();
    await expect(draft.button("Publish")).toHaveCount(0);
    await draft.button("Save draft").click();
    const articleId = await draft.articleId();
    await expect(writer.getByText("Status: draft")).toBeVisible();
    await draft.button("Submit for review").click();
    await expect(writer.getByText("Submitted for review")).toBeVisible();
    await writer.context().close();

    const slug = `harbour-ferry-timetable-changes-${id}`;
    expect((await page.goto(`/sport/${slug}`))?.status()).toBe(404);

    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor?status=review");
    await editor.getByRole("link", { name: title }).click();
    await expect(editor).toHaveURL(new RegExp(`/editor/articles/${articleId}$`));
    await new ArticleEditor(editor).button("Publish").click();
    await expect(editor.getByText("Published.")).toBeVisible();
    await editor.context().close();

    for (const path of [`/sport/${slug}`, "/", "/sport", `/tag/ferries-${id}`, "/author/daniel-hart"]) {
      await page.goto(path);
      await expect(page.getByRole("link", { name: title }).or(page.getByRole("heading", { level: 1, name: title })).first()).toBeVisible();
    }
  });

  test("a scheduled article goes live at its time with nobody visiting", async ({ browser, page }) => {
    test.setTimeout(90_000);
    const id = unique();
    const title = `Night bus trial begins ${id}`;
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const form = new ArticleEditor(editor);
    await form.fill({ title, standfirst: "A six-month trial.", body: "Buses every 30 minutes.", section: "Politics", author: "Lukas Brenner" });
    // The site's time zone is UTC in the demo settings.
    const at = new Date(Date.now() + 12_000).toISOString().slice(0, 19);
    await form.field("Publish at").fill(at);
    await form.button("Schedule").click();
    await expect(editor.getByText("Scheduled.")).toBeVisible();
    const articleId = await form.articleId();
    const slug = `night-bus-trial-begins-${id}`;
    expect((await page.goto(`/politics/${slug}`))?.status()).toBe(404);

    // Nobody visits the article: the newsroom list shows the scheduler publishing it.
    await expect(async () => {
      await editor.goto(`/editor/articles/${articleId}`);
      await expect(editor.getByText("Status: published")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000, intervals: [2000] });
    await editor.context().close();
    expect((await page.goto(`/politics/${slug}`))?.status()).toBe(200);
    await page.goto("/politics");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  });

  test("an editor restores an earlier revision", async ({ browser }) => {
    const id = unique();
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const form = new ArticleEditor(editor);
    await form.fill({ title: `First title ${id}`, body: "First body.", section: "Science", author: "Mei-Lin Chen" });
    await form.button("Save draft").click();
    await form.articleId();
    await form.field("Title").fill(`Second title ${id}`);
    await form.field("Body").fill("Second body.");
    await form.button("Save draft").click();
    await expect(editor.getByRole("status").first()).toHaveText("Draft saved.");
    const revisions = editor.getByRole("region", { name: "Revisions" });
    await expect(revisions.getByRole("row")).toHaveCount(3);
    await revisions.getByRole("link", { name: "View version 1" }).click();
    await expect(editor.getByRole("heading", { level: 1 })).toHaveText(`Version 1: First title ${id}`);
    await editor.goBack();
    await revisions.getByRole("button", { name: "Restore version 1" }).click();
    await expect(form.field("Title")).toHaveValue(`First title ${id}`);
    await expect(form.field("Body")).toHaveValue("First body.");
    await expect(revisions.getByRole("row")).toHaveCount(4);
    await editor.context().close();
  });

  test("the later of two saves is refused, and what its author typed stays", async ({ browser }) => {
    const id = unique();
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const first = new ArticleEditor(editor);
    await first.fill({ title: `Shared story ${id}`, body: "Original.", section: "Business", author: "Sofia Márquez" });
    await first.button("Save draft").click();
    const articleId = await first.articleId();

    const admin = await signedInPage(browser, "admin");
    await admin.goto(`/editor/articles/${articleId}`);
    const second = new ArticleEditor(admin);

    await first.field("Body").fill("The editor's change.");
    await first.button("Save draft").click();
    await expect(editor.getByRole("status").first()).toHaveText("Draft saved.");

    await second.field("Body").fill("The admin's change, typed at the same time.");
    await second.field("Standfirst").fill("Admin standfirst");
    await second.button("Save draft").click();
    await expect(admin.getByRole("status").first()).toContainText("This article was changed by Lukas Brenner at");
    await expect(second.field("Body")).toHaveValue("The admin's change, typed at the same time.");
    await expect(second.field("Standfirst")).toHaveValue("Admin standfirst");
    await editor.context().close();
    await admin.context().close();
  });

  test("a correction appears on the article and moves its modified date", async ({ browser, page }) => {
    const id = unique();
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const form = new ArticleEditor(editor);
    await form.fill({ title: `Council vote count ${id}`, body: "The vote was 12 to 9.", section: "Politics", author: "Lukas Brenner" });
    await form.button("Publish").click();
    await form.articleId();
    await editor.getByLabel("Correction note").fill("An earlier version gave the vote as 12 to 8.");
    await editor.getByRole("button", { name: "Add correction" }).click();
    await expect(editor.getByText("Correction added.")).toBeVisible();
    await editor.context().close();

    await page.goto(`/politics/council-vote-count-${id}`);
    await expect(page.getByRole("complementary", { name: "Corrections" })).toContainText(/Correction, .+: An earlier version gave the vote as 12 to 8\./);
    const data = await page.locator('script[type="application/ld+json"]').allTextContents();
    const news = data.map((d) => JSON.parse(d)).find((d) => d["@type"] === "NewsArticle");
    expect(new Date(news.dateModified).getTime()).toBeGreaterThan(new Date(news.datePublished).getTime());
    await expect(page.getByText(/^Updated/)).toBeVisible();
  });

  test("the editor's fields keep what was typed when a save is refused", async ({ browser }) => {
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor/articles/new");
    const form = new ArticleEditor(editor);
    await form.fill({ title: "No section chosen", body: "Body text", tags: "Alpha, Beta" });
    await form.field("Source URL").fill("not a url");
    await form.button("Save draft").click();
    await expect(editor.getByText("Please choose a section").first()).toBeVisible();
    await expect(editor.getByText("Please enter a web address starting with http:// or https://")).toBeVisible();
    await expect(form.field("Tags")).toHaveValue("Alpha, Beta");
    await expect(form.field("Source URL")).toHaveValue("not a url");
    await expect(form.field("Body")).toHaveValue("Body text");
    await editor.context().close();
  });
});

test("a hero image is uploaded, resized and shown with its caption and credit", async ({ browser, page }) => {
  const sharp = (await import("sharp")).default;
  const id = unique();
  const photo = await sharp({ create: { width: 1800, height: 1000, channels: 3, background: { r: 20, g: 90, b: 160 } } }).jpeg().toBuffer();
  const editor = await signedInPage(browser, "editor");
  await editor.goto("/editor/articles/new");
  const form = new ArticleEditor(editor);
  await form.fill({ title: `Harbour at dawn ${id}`, body: "Boats.", section: "Culture", author: "Tomáš Novák" });
  await editor.getByLabel("Image file").setInputFiles({ name: "dawn.txt", mimeType: "text/plain", buffer: Buffer.from("not an image") });
  await form.button("Save draft").click();
  await expect(editor.getByText("This file is not an image. Please upload a JPEG, PNG or WebP image.").first()).toBeVisible();
  await editor.getByLabel("Image file").setInputFiles({ name: "dawn.jpg", mimeType: "image/jpeg", buffer: photo });
  await editor.getByLabel("Image description").fill("Fishing boats at first light");
  await editor.getByLabel("Caption").fill("The harbour before the ferries start.");
  await editor.getByLabel("Credit").fill("Gazette photo");
  await form.button("Publish").click();
  await form.articleId();
  await editor.context().close();

  await page.goto(`/culture/harbour-at-dawn-${id}`);
  const hero = page.getByRole("img", { name: "Fishing boats at first light" });
  await expect(hero).toHaveAttribute("srcset", /480w.*960w.*1440w/);
  await expect(hero).toHaveAttribute("width", "1800");
  expect(await hero.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  // AVIF for the browsers that take it (Chromium does), WebP for the rest.
  await expect(page.locator('figure picture source[type="image/avif"]')).toHaveAttribute("srcset", /480\.avif 480w.*960\.avif 960w.*1440\.avif 1440w/);
  expect(await hero.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\.avif$/);
  await expect(page.locator("figcaption")).toHaveText("The harbour before the ferries start. Credit: Gazette photo");
});
