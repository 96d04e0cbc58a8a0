import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { addCorrection, editorActions } from "./actions";

const editor = editorActions(async () => "UTC");

describeEachDatabase("what an editor's save guards and expires", (database) => {
  let editorStaff: Staff;
  const db = () => database().primary as Db;
  const ctx = (revalidated: string[] = []): ActionContext => ({ staff: editorStaff, db: db(), revalidate: (tags) => revalidated.push(...tags) });

  beforeAll(async () => {
    const [u] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.com"));
    editorStaff = { id: u!.id, email: u!.email, name: u!.name, role: u!.role };
  });

  async function published(newsroom: Awaited<ReturnType<typeof makeNewsroom>>) {
    const form = {
      title: `Live story ${newsroom.id}`,
      body: "Text",
      sectionId: String(newsroom.home.id),
      authorId: String(newsroom.author.id),
      commentMode: "moderated",
      tags: `Harbour ${newsroom.id}, Ferries ${newsroom.id}`,
    };
    const created = await editor.publish.execute(ctx(), form);
    expect(created.ok, created.message).toBe(true);
    const [article] = await db().select().from(t.articles).where(eq(t.articles.slug, `live-story-${newsroom.id}`));
    return { form, article: article! };
  }

  it("expires every page an unpublished article was on: its own, its section, author and each tag, the lists", async () => {
    const newsroom = await makeNewsroom(db());
    const { form, article } = await published(newsroom);
    const revalidated: string[] = [];
    const unpublished = await editor.unpublish.execute(ctx(revalidated), { ...form, id: String(article.id), version: String(article.version) });
    expect(unpublished.ok, unpublished.message).toBe(true);
    expect([...new Set(revalidated)].sort()).toEqual(
      [
        `article:${article.id}`,
        `article-slug:${article.slug}`,
        `section:${newsroom.home.slug}`,
        `author:${newsroom.author.slug}`,
        `tag:harbour-${newsroom.id}`,
        `tag:ferries-${newsroom.id}`,
        "home",
        "feeds",
        "must-read",
      ].sort(),
    );
    const [after] = await db().select().from(t.articles).where(eq(t.articles.id, article.id));
    expect(after).toMatchObject({ status: "draft", publishedAt: null });
  });

  it("expires the article's pages, tags included, for a correction", async () => {
    const newsroom = await makeNewsroom(db());
    const { article } = await published(newsroom);
    const revalidated: string[] = [];
    const corrected = await addCorrection.execute(ctx(revalidated), { articleId: String(article.id), body: "An earlier version misnamed the ferry." });
    expect(corrected.ok, corrected.message).toBe(true);
    expect(revalidated).toEqual(expect.arrayContaining([`author:${newsroom.author.slug}`, `tag:harbour-${newsroom.id}`, `tag:ferries-${newsroom.id}`]));
  });

  it.each([
    ["no version at all", {}],
    ["an empty version", { version: "" }],
  ])("refuses a save of an existing article with %s, and keeps the article as it was", async (_, version) => {
    const newsroom = await makeNewsroom(db());
    const { form, article } = await published(newsroom);
    const { version: _omitted, ...withoutVersion } = { ...form, id: String(article.id), version: "x", title: "Overwritten blindly" };
    const saved = await editor.publish.execute(ctx(), { ...withoutVersion, ...version });
    expect(saved.ok).toBe(false);
    expect(saved.message).toMatch(/^This article was changed by /);
    expect(saved.values?.title).toBe("Overwritten blindly");
    const [after] = await db().select().from(t.articles).where(eq(t.articles.id, article.id));
    expect(after).toMatchObject({ title: form.title, version: article.version });
  });
}, { seed: { password: "irrelevant-password" } });
