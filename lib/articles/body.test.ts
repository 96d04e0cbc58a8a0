import { eq, inArray } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { articles } from "@/db/schema";
import { markdownVersion, renderMarkdown } from "@/lib/markdown";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { articleBodyColumns, bodyColumns, bodyHtmlOf, countStaleBodies, mediaIdsIn, renderStaleBodies } from "./body";
import { getPublishedArticle } from "./queries";

it("bodyColumns stores the current renderer's HTML with its version", () => {
  expect(bodyColumns("Some **bold** text")).toEqual({
    body: "Some **bold** text",
    bodyHtml: "<p>Some <strong>bold</strong> text</p>",
    bodyHtmlVersion: markdownVersion,
  });
});

it("bodyHtmlOf trusts stored HTML only from the current renderer", () => {
  const body = "A [link](javascript:alert(1))";
  expect(bodyHtmlOf({ body, bodyHtml: "<p>stored</p>", bodyHtmlVersion: markdownVersion })).toBe("<p>stored</p>");
  // nor HTML from a newer renderer: this release may be the rollback of a faulty one
  expect(bodyHtmlOf({ body, bodyHtml: "<p>newer</p>", bodyHtmlVersion: markdownVersion + 1 })).toBe(renderMarkdown(body));
  for (const stale of [{ bodyHtml: "<p>stored</p>", bodyHtmlVersion: markdownVersion - 1 }, { bodyHtml: null, bodyHtmlVersion: null }]) {
    const html = bodyHtmlOf({ body, ...stale });
    expect(html).toBe(renderMarkdown(body));
    expect(html).not.toContain("javascript:");
  }
  // A version with no HTML stored beside it is rendered too.
  expect(bodyHtmlOf({ body, bodyHtml: null, bodyHtmlVersion: markdownVersion })).toBe(renderMarkdown(body));
});

it("articleBodyColumns adds the uploaded images the body shows, each once", () => {
  const a = "0123456789abcdef0123456789abcdef";
  const b = "fedcba9876543210fedcba9876543210";
  const body = `![One](/media/${a}/480.webp) and ![two](/media/${b}/960.webp), ![again](/media/${a}/1440.webp)`;
  expect(articleBodyColumns(body)).toEqual({ ...bodyColumns(body), bodyMedia: [a, b] });
  expect(mediaIdsIn("![elsewhere](https://cdn.example/media/x/1.webp) /media/ABCDEF0123456789ABCDEF0123456789/1.webp")).toEqual([]);
  expect(articleBodyColumns("No images.").bodyMedia).toEqual([]);
});

describeEachDatabase("stored article bodies", (database) => {
  it("an article page reads the stored HTML instead of rendering the Markdown", async () => {
    const room = await makeNewsroom(database().primary);
    const { slug, id } = await room.article({ title: "Stored body", body: "The *Markdown*.", hoursAgo: 1 });
    // A marker the renderer could never produce from this body shows which one the page used.
    await database().primary.update(articles).set({ bodyHtml: "<p>stored marker</p>", bodyHtmlVersion: markdownVersion }).where(eq(articles.id, id));
    expect((await getPublishedArticle(database().db, { slug }))?.bodyHtml).toBe("<p>stored marker</p>");
    await database().primary.update(articles).set({ bodyHtmlVersion: markdownVersion - 1 }).where(eq(articles.id, id));
    expect((await getPublishedArticle(database().db, { slug }))?.bodyHtml).toBe("<p>The <em>Markdown</em>.</p>");
  });

  it("renders stale bodies in batches, up to a limit, and leaves current ones alone", async () => {
    const db = database().primary;
    const room = await makeNewsroom(db);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await room.article({ title: `Stale ${i}`, body: `Body **${i}**`, hoursAgo: i + 1 }));
    const ids = made.map((a) => a.id);
    await db.update(articles).set({ bodyHtml: null, bodyHtmlVersion: null }).where(inArray(articles.id, ids));
    await db.update(articles).set({ bodyHtml: "<p>old renderer</p>", bodyHtmlVersion: markdownVersion - 1 }).where(eq(articles.id, ids[4]!));
    const current = await room.article({ title: "Current", body: "x", hoursAgo: 1 });
    await db.update(articles).set({ bodyHtml: "<p>kept</p>", bodyHtmlVersion: markdownVersion }).where(eq(articles.id, current.id));
    // rendered by a newer renderer (an instance of the next release, during a rolling deploy)
    const newer = await room.article({ title: "Newer", body: "y", hoursAgo: 1 });
    await db.update(articles).set({ bodyHtml: "<p>newer</p>", bodyHtmlVersion: markdownVersion + 1 }).where(eq(articles.id, newer.id));

    // Other suites' articles may be stale too; what matters here is this room's.
    expect(await countStaleBodies(db)).toBeGreaterThanOrEqual(5);
    expect(await renderStaleBodies(db, { limit: 2, batch: 1 })).toBe(2);
    // The last batch is cut to what the limit leaves.
    expect(await renderStaleBodies(db, { limit: 3, batch: 2 })).toBe(3);
    await renderStaleBodies(db, { batch: 3 });
    expect(await countStaleBodies(db)).toBe(0);

    const rows = await db.select({ id: articles.id, html: articles.bodyHtml, v: articles.bodyHtmlVersion }).from(articles).where(inArray(articles.id, [...ids, current.id]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, i) => expect(byId.get(id)).toMatchObject({ html: `<p>Body <strong>${i}</strong></p>`, v: markdownVersion }));
    expect(byId.get(current.id)).toMatchObject({ html: "<p>kept</p>", v: markdownVersion });
    const [kept] = await db.select({ html: articles.bodyHtml }).from(articles).where(eq(articles.id, newer.id));
    expect(kept!.html).toBe("<p>newer</p>");
  });

  it("the background pass renders a batch at a time until it finds fewer than a batch, then stops looking", async () => {
    // A fresh module: whether the pass has caught up is the process's own memory.
    vi.resetModules();
    const { renderStaleBodiesInBackground } = await import("./body");
    const db = database().primary;
    const room = await makeNewsroom(db);
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await room.article({ title: `Background ${i}`, body: `Pass *${i}*`, hoursAgo: i + 1 }));
    await renderStaleBodies(db);
    await db.update(articles).set({ bodyHtmlVersion: null }).where(inArray(articles.id, made.map((a) => a.id)));
    expect(await renderStaleBodiesInBackground(db, 1)).toBe(1);
    // A full batch: there may be more.
    expect(await renderStaleBodiesInBackground(db, 1)).toBe(1);
    expect(await renderStaleBodiesInBackground(db, 5)).toBe(1);
    expect(await countStaleBodies(db)).toBe(0);
    // Caught up: a body made stale now waits for the next process (or a read renders it).
    await db.update(articles).set({ bodyHtmlVersion: null }).where(eq(articles.id, made[0]!.id));
    expect(await renderStaleBodiesInBackground(db, 5)).toBe(0);
    expect(await countStaleBodies(db)).toBe(1);
    await renderStaleBodies(db);
  });
});
