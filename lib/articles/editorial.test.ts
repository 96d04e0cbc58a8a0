import { and, eq, like, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { markdownVersion } from "@/lib/markdown";
import { editorActions } from "./actions";
import { parseTagNames } from "./input";
import { publishDueArticles } from "./jobs";

const editor = editorActions(async () => "UTC");

it("parses typed tags", () => {
  expect(parseTagNames(" Climate,  climate , Data  Privacy,,Ørsted ")).toEqual([
    { slug: "climate", name: "Climate" },
    { slug: "data-privacy", name: "Data Privacy" },
    { slug: "orsted", name: "Ørsted" },
  ]);
});

describeEachDatabase("the article editor's saves", (database) => {
  const staff = new Map<string, Staff>();
  let base: Record<string, string> = {};
  const db = () => database().primary as Db;
  const ctx = (email: string, revalidated: string[] = []): ActionContext => ({ staff: staff.get(email)!, db: db(), revalidate: (tags) => revalidated.push(...tags) });

  beforeAll(async () => {
    for (const u of await db().select().from(t.users)) staff.set(u.email, { id: u.id, email: u.email, name: u.name, role: u.role });
    const [section] = await db().select().from(t.sections).where(eq(t.sections.slug, "world"));
    const [author] = await db().select().from(t.authors).limit(1);
    base = { sectionId: String(section!.id), authorId: String(author!.id), commentMode: "moderated", body: "Text", standfirst: "" };
  });

  it("makes a unique slug from the title and refuses a typed slug that is taken", async () => {
    const first = await editor.draft.execute(ctx("writer@example.com"), { ...base, title: "Same Title Here" });
    const second = await editor.draft.execute(ctx("writer@example.com"), { ...base, title: "Same Title Here" });
    expect(first.ok && second.ok).toBe(true);
    const slugs = (await db().select({ slug: t.articles.slug }).from(t.articles)).map((r) => r.slug);
    expect(slugs).toContain("same-title-here");
    expect(slugs).toContain("same-title-here-2");
    const taken = await editor.draft.execute(ctx("writer@example.com"), { ...base, title: "Other", slug: "same-title-here" });
    expect(taken.ok).toBe(false);
    expect(taken.errors?.slug).toEqual(["Another article already uses this slug"]);
    const malformed = await editor.draft.execute(ctx("writer@example.com"), { ...base, title: "Other", slug: "Not A Slug" });
    expect(malformed.errors?.slug?.[0]).toMatch(/lower-case/);
    expect(malformed.values?.slug).toBe("Not A Slug");
  });

  it("stores a revision on every save and refuses a save from a stale version", async () => {
    const created = await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Versioned" });
    const [article] = await db().select().from(t.articles).where(eq(t.articles.slug, "versioned"));
    expect(created.redirectTo).toBe(`/editor/articles/${article!.id}?saved=draft&v=1`);
    const second = await editor.draft.execute(ctx("editor@example.com"), { ...base, id: String(article!.id), version: "1", title: "Versioned", body: "Edited" });
    expect(second.ok).toBe(true);
    const stale = await editor.draft.execute(ctx("admin@example.com"), { ...base, id: String(article!.id), version: "1", title: "Versioned", body: "Mine" });
    expect(stale.ok).toBe(false);
    expect(stale.message).toMatch(/^This article was changed by Lukas Brenner at /);
    expect(stale.values?.body).toBe("Mine");
    const revisions = await db().select().from(t.articleRevisions).where(eq(t.articleRevisions.articleId, article!.id));
    expect(revisions.map((r) => r.body).sort()).toEqual(["Edited", "Text"]);
  });

  it("autosave keeps a draft in place: it answers the saved version, holds the version lock, and never touches a reviewed or live article", async () => {
    const created = await editor.autosave.execute(ctx("writer@example.com"), { ...base, title: "Typed As It Goes", body: "One." });
    expect(created).toMatchObject({ ok: true, saved: { version: 1 } });
    const id = String(created.saved!.id);
    const next = await editor.autosave.execute(ctx("writer@example.com"), { ...base, id, version: "1", title: "Typed As It Goes", body: "One. Two." });
    expect(next).toMatchObject({ ok: true, saved: { version: 2 } });
    expect(new Date(next.saved!.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const [row] = await db().select().from(t.articles).where(eq(t.articles.id, Number(id)));
    expect(row).toMatchObject({ status: "draft", body: "One. Two.", version: 2 });
    const [logged] = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "article.autosave"), eq(t.auditLog.targetId, id))).limit(1);
    expect(logged).toBeDefined();

    // A save from a version someone replaced is refused, as a button's would be.
    const stale = await editor.autosave.execute(ctx("writer@example.com"), { ...base, id, version: "1", title: "Typed As It Goes", body: "Lost?" });
    expect(stale).toMatchObject({ ok: false });
    expect(stale.message).toMatch(/^This article was changed by/);

    // Submitted for review: autosave would take it back to a draft, so it refuses.
    await editor.review.execute(ctx("writer@example.com"), { ...base, id, version: "2", title: "Typed As It Goes", body: "One. Two." });
    const inReview = await editor.autosave.execute(ctx("writer@example.com"), { ...base, id, version: "3", title: "Typed As It Goes", body: "Changed in review" });
    expect(inReview).toMatchObject({ ok: false, message: "Autosave is for drafts: use the buttons below to save." });
    const [after] = await db().select().from(t.articles).where(eq(t.articles.id, Number(id)));
    expect(after).toMatchObject({ status: "review", body: "One. Two." });
  });

  it("stores the body rendered and sanitized with every save, so pages need not render Markdown", async () => {
    await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Rendered on save", body: "# Head\n\n**Bold** [x](javascript:alert(1))" });
    const [article] = await db().select().from(t.articles).where(eq(t.articles.slug, "rendered-on-save"));
    expect(article).toMatchObject({ bodyHtml: "<h2>Head</h2>\n<p><strong>Bold</strong> <a>x</a></p>", bodyHtmlVersion: markdownVersion });
    await editor.draft.execute(ctx("editor@example.com"), { ...base, id: String(article!.id), version: "1", title: "Rendered on save", body: "Now *this*" });
    const [edited] = await db().select().from(t.articles).where(eq(t.articles.id, article!.id));
    expect(edited!.bodyHtml).toBe("<p>Now <em>this</em></p>");
  });

  it("lets writers edit only their own unpublished articles", async () => {
    const [someone] = await db().select().from(t.articles).where(eq(t.articles.status, "published")).limit(1);
    const refused = await editor.draft.execute(ctx("writer@example.com"), { ...base, id: String(someone!.id), version: String(someone!.version), title: "Hijack" });
    expect(refused).toMatchObject({ ok: false, refused: "forbidden" });
    const [after] = await db().select().from(t.articles).where(eq(t.articles.id, someone!.id));
    expect(after!.title).toBe(someone!.title);
  });

  it("expires the pages a published article is on, and none for a draft", async () => {
    const drafts: string[] = [];
    await editor.draft.execute(ctx("editor@example.com", drafts), { ...base, title: "Quiet draft" });
    expect(drafts).toEqual([]);
    const published: string[] = [];
    await editor.publish.execute(ctx("editor@example.com", published), { ...base, title: "Loud news", tags: "Energy" });
    expect(published).toEqual(expect.arrayContaining(["home", "feeds", "section:world", "tag:energy", "article-slug:loud-news"]));
    expect(published.some((tag) => /^article:\d+$/.test(tag))).toBe(true);
  });

  it("refuses a schedule in the past and publishes due articles once, however many schedulers run", async () => {
    const past = await editor.schedule.execute(ctx("editor@example.com"), { ...base, title: "Too late", scheduledAt: "2020-01-01T10:00" });
    expect(past.errors?.scheduledAt).toEqual(["Please choose a time in the future"]);

    for (let i = 0; i < 6; i++) {
      const ok = await editor.schedule.execute(ctx("editor@example.com"), {
        ...base,
        title: `Due soon ${i}`,
        scheduledAt: new Date(Date.now() + 60 * 60 * 1000).toISOString().slice(0, 19),
      });
      expect(ok.ok, ok.message).toBe(true);
    }
    expect(await publishDueArticles(db())).toEqual([]);
    // Their hour comes: moved into the past on the database's clock, which the scheduler reads.
    await db()
      .update(t.articles)
      .set({ publishedAt: sql`now() - interval '1 second'` })
      .where(and(eq(t.articles.status, "scheduled"), like(t.articles.title, "Due soon %")));
    const runs = await Promise.all([publishDueArticles(db()), publishDueArticles(db()), publishDueArticles(db())]);
    const ids = runs.flat().map((r) => r.id);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    // Each is logged once, as the scheduler's doing rather than anyone's.
    const logged = await db()
      .select({ actorId: t.auditLog.actorId, actorEmail: t.auditLog.actorEmail, targetType: t.auditLog.targetType, targetId: t.auditLog.targetId })
      .from(t.auditLog)
      .where(eq(t.auditLog.action, "article.publish-scheduled"));
    expect(logged.filter((l) => ids.map(String).includes(l.targetId!)).sort((a, b) => Number(a.targetId) - Number(b.targetId))).toEqual(
      [...ids].sort((a, b) => a - b).map((id) => ({ actorId: null, actorEmail: "system", targetType: "article", targetId: String(id) })),
    );
    const rows = await db().select().from(t.articles).where(eq(t.articles.status, "scheduled"));
    expect(rows.filter((r) => r.title.startsWith("Due soon"))).toEqual([]);
  });
}, { seed: { password: "irrelevant-password" } });
