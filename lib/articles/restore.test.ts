import { and, asc, desc, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { addCorrection, editorActions, restoreRevision } from "./actions";

const editor = editorActions(async () => "UTC");

describeEachDatabase("restoring a revision", (database) => {
  let editorStaff: Staff;
  const db = () => database().primary as Db;
  const ctx = (revalidated: string[] = []): ActionContext => ({ staff: editorStaff, db: db(), revalidate: (tags) => revalidated.push(...tags) });

  beforeAll(async () => {
    const [u] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.com"));
    editorStaff = { id: u!.id, email: u!.email, name: u!.name, role: u!.role };
  });

  async function articleState(articleId: number) {
    const [article] = await db().select().from(t.articles).where(eq(t.articles.id, articleId));
    const tagRows = await db()
      .select({ name: t.tags.name })
      .from(t.articleTags)
      .innerJoin(t.tags, eq(t.tags.id, t.articleTags.tagId))
      .where(eq(t.articleTags.articleId, articleId));
    return { article: article!, tags: tagRows.map((r) => r.name).sort() };
  }

  const revisions = (articleId: number) =>
    db().select().from(t.articleRevisions).where(eq(t.articleRevisions.articleId, articleId)).orderBy(asc(t.articleRevisions.version));

  it("brings back the revision's section, author, tags, flags, source and hero text, and records them", async () => {
    const newsroom = await makeNewsroom(db());
    const [otherAuthor] = await db().insert(t.authors).values({ slug: `other-${newsroom.id}`, name: `Other ${newsroom.id}` }).returning();
    const first = {
      title: `Restore me ${newsroom.id}`,
      body: "First text",
      standfirst: "First standfirst",
      sectionId: String(newsroom.home.id),
      authorId: String(newsroom.author.id),
      tags: `Alpha ${newsroom.id}, Beta ${newsroom.id}`,
      mustRead: "on",
      commentMode: "open",
      sourceName: "Wire",
      sourceUrl: "https://wire.example/story",
      heroImageAlt: "First alt",
      heroImageCaption: "First caption",
      heroImageCredit: "First credit",
    };
    const created = await editor.publish.execute(ctx(), first);
    expect(created.ok, created.message).toBe(true);
    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    const edited = await editor.publish.execute(ctx(), {
      id: String(articleId),
      version: "1",
      title: first.title,
      body: "Second text",
      standfirst: "Second standfirst",
      sectionId: String(newsroom.away.id),
      authorId: String(otherAuthor!.id),
      tags: `Gamma ${newsroom.id}`,
      commentMode: "closed",
    });
    expect(edited.ok, edited.message).toBe(true);

    const [v1] = await revisions(articleId);
    const revalidated: string[] = [];
    const restored = await restoreRevision.execute(ctx(revalidated), { articleId: String(articleId), revisionId: String(v1!.id), version: "2" });
    expect(restored.ok, restored.message).toBe(true);

    const { article, tags } = await articleState(articleId);
    expect(article).toMatchObject({
      version: 3,
      body: "First text",
      standfirst: "First standfirst",
      sectionId: newsroom.home.id,
      authorId: newsroom.author.id,
      mustRead: true,
      commentMode: "open",
      sourceName: "Wire",
      sourceUrl: "https://wire.example/story",
      heroImageAlt: "First alt",
      heroImageCaption: "First caption",
      heroImageCredit: "First credit",
      status: "published",
    });
    expect(tags).toEqual([`Alpha ${newsroom.id}`, `Beta ${newsroom.id}`]);

    // The new revision describes the article as it now is, so restoring it later gives the same.
    const v3 = (await revisions(articleId)).at(-1)!;
    expect(v3.version).toBe(3);
    expect(v3.fields).toMatchObject({
      sectionId: newsroom.home.id,
      authorId: newsroom.author.id,
      mustRead: true,
      commentMode: "open",
      restoredFrom: v1!.id,
    });
    expect([...(v3.fields.tags as string[])].sort()).toEqual(tags);

    // The pages of both the section and tags it leaves and those it returns to are expired.
    expect(revalidated).toEqual(
      expect.arrayContaining([
        `section:${newsroom.home.slug}`,
        `section:${newsroom.away.slug}`,
        `tag:alpha-${newsroom.id}`,
        `tag:gamma-${newsroom.id}`,
        `author:${newsroom.author.slug}`,
        `author:${otherAuthor!.slug}`,
      ]),
    );
  });

  it("keeps what cannot come back (a deleted section) and records what was really restored", async () => {
    const newsroom = await makeNewsroom(db());
    const [gone] = await db().insert(t.sections).values({ slug: `gone-${newsroom.id}`, name: `Gone ${newsroom.id}` }).returning();
    const common = { authorId: String(newsroom.author.id), commentMode: "moderated", body: "Text" };
    const created = await editor.draft.execute(ctx(), { ...common, title: `Moved on ${newsroom.id}`, sectionId: String(gone!.id), tags: `Old ${newsroom.id}` });
    expect(created.ok, created.message).toBe(true);
    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    await editor.draft.execute(ctx(), { ...common, id: String(articleId), version: "1", title: `Moved on ${newsroom.id}`, sectionId: String(newsroom.home.id) });
    await db().delete(t.sections).where(eq(t.sections.id, gone!.id));

    const [v1] = await revisions(articleId);
    const restored = await restoreRevision.execute(ctx(), { articleId: String(articleId), revisionId: String(v1!.id), version: "2" });
    expect(restored.ok, restored.message).toBe(true);

    const { article, tags } = await articleState(articleId);
    expect(article.sectionId).toBe(newsroom.home.id);
    expect(tags).toEqual([`Old ${newsroom.id}`]);
    const v3 = (await revisions(articleId)).at(-1)!;
    expect(v3.fields).toMatchObject({ sectionId: newsroom.home.id, tags: [`Old ${newsroom.id}`] });
  });

  it("records a removed hero image as removed", async () => {
    const newsroom = await makeNewsroom(db());
    const title = `Hero gone ${newsroom.id}`;
    const common = { title, sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated", body: "Text" };
    const created = await editor.draft.execute(ctx(), common);
    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    await db().update(t.articles).set({ heroImageUrl: "/media/999999/960.webp", heroImageWidth: 960, heroImageHeight: 540 }).where(eq(t.articles.id, articleId));
    const removed = await editor.draft.execute(ctx(), { ...common, id: String(articleId), version: "1", removeHero: "on" });
    expect(removed.ok, removed.message).toBe(true);
    const { article } = await articleState(articleId);
    expect(article.heroImageUrl).toBeNull();
    const v2 = (await revisions(articleId)).at(-1)!;
    expect(v2.fields.heroImageUrl).toBeNull();
  });

  it("brings back a hero image that is still stored, with its size, and not one that is gone", async () => {
    const newsroom = await makeNewsroom(db());
    const [image] = await db().insert(t.media).values({ sha256: `sha-${newsroom.id}`, mime: "image/png", width: 1600, height: 900 }).returning();
    const common = { sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated", body: "Text" };
    const saveWithHero = async (title: string, url: string) => {
      const created = await editor.draft.execute(ctx(), { ...common, title });
      const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
      // The first revision is rewritten to name the hero as if it had been uploaded with that save.
      await db().update(t.articleRevisions).set({ fields: { heroImageUrl: url } }).where(eq(t.articleRevisions.articleId, articleId));
      const [v1] = await revisions(articleId);
      return { articleId, v1: v1! };
    };

    const kept = await saveWithHero(`Hero kept ${newsroom.id}`, `/media/${image!.publicId}/1440.webp`);
    expect((await restoreRevision.execute(ctx(), { articleId: String(kept.articleId), revisionId: String(kept.v1.id), version: "1" })).ok).toBe(true);
    expect((await articleState(kept.articleId)).article).toMatchObject({ heroImageUrl: `/media/${image!.publicId}/1440.webp`, heroImageWidth: 1600, heroImageHeight: 900 });

    // A revision saved before images had public ids names it by its sequential id: it comes
    // back under its public address.
    const old = await saveWithHero(`Hero old address ${newsroom.id}`, `/media/${image!.id}/960.webp`);
    expect((await restoreRevision.execute(ctx(), { articleId: String(old.articleId), revisionId: String(old.v1.id), version: "1" })).ok).toBe(true);
    expect((await articleState(old.articleId)).article).toMatchObject({ heroImageUrl: `/media/${image!.publicId}/960.webp`, heroImageWidth: 1600, heroImageHeight: 900 });

    // An address that is not one of the site's images is not restored.
    for (const url of [`https://elsewhere.example/media/${image!.publicId}/1440.webp`, `/media/${image!.publicId}/1440.webp/../x`]) {
      const odd = await saveWithHero(`Hero elsewhere ${newsroom.id} ${url.length}`, url);
      expect((await restoreRevision.execute(ctx(), { articleId: String(odd.articleId), revisionId: String(odd.v1.id), version: "1" })).ok).toBe(true);
      expect((await articleState(odd.articleId)).article.heroImageUrl).toBeNull();
    }

    const lost = await saveWithHero(`Hero lost ${newsroom.id}`, "/media/999999/1440.webp");
    expect((await restoreRevision.execute(ctx(), { articleId: String(lost.articleId), revisionId: String(lost.v1.id), version: "1" })).ok).toBe(true);
    expect((await articleState(lost.articleId)).article).toMatchObject({ heroImageUrl: null, heroImageWidth: null });
    expect((await revisions(lost.articleId)).at(-1)!.fields.heroImageUrl).toBeNull();
  });

  const lastAudit = async (articleId: number) =>
    (await db().select().from(t.auditLog).where(and(eq(t.auditLog.targetType, "article"), eq(t.auditLog.targetId, String(articleId)))).orderBy(desc(t.auditLog.id)).limit(1))[0];

  it("refuses a revision of another article, of none, or from a version since replaced, and expires nothing", async () => {
    const newsroom = await makeNewsroom(db());
    const common = { sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated", body: "Text" };
    const a = await editor.draft.execute(ctx(), { ...common, title: `Mine ${newsroom.id}` });
    const b = await editor.draft.execute(ctx(), { ...common, title: `Theirs ${newsroom.id}` });
    const [aId, bId] = [a, b].map((s) => Number(s.redirectTo!.match(/articles\/(\d+)/)![1]));
    const [bRevision] = await revisions(bId!);
    const [aRevision] = await revisions(aId!);
    const revalidated: string[] = [];
    const missing = "That revision does not exist.";
    expect(await restoreRevision.execute(ctx(revalidated), { articleId: String(aId), revisionId: String(bRevision!.id), version: "1" })).toMatchObject({ ok: false, message: missing });
    expect(await restoreRevision.execute(ctx(revalidated), { articleId: "2000000000", revisionId: String(aRevision!.id), version: "1" })).toMatchObject({ ok: false, message: missing });
    expect(await restoreRevision.execute(ctx(revalidated), { articleId: String(aId), revisionId: "2000000000", version: "1" })).toMatchObject({ ok: false, message: missing });
    expect(await restoreRevision.execute(ctx(revalidated), { articleId: String(aId), revisionId: String(aRevision!.id), version: "2" })).toMatchObject({
      ok: false,
      message: "The article changed since you opened it; reload and try again.",
    });
    expect(revalidated).toEqual([]);
    expect((await articleState(aId!)).article.version).toBe(1);
  });

  it("says which revision came back, logs it, marks a live article updated and leaves a draft's dates", async () => {
    const newsroom = await makeNewsroom(db());
    const common = { sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated" };
    const title = `Logged ${newsroom.id}`;
    const created = await editor.draft.execute(ctx(), { ...common, title, body: "One" });
    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    await editor.draft.execute(ctx(), { ...common, id: String(articleId), version: "1", title, body: "Two" });
    const [v1] = await revisions(articleId);
    const restored = await restoreRevision.execute(ctx(), { articleId: String(articleId), revisionId: String(v1!.id), version: "2" });
    expect(restored).toEqual({ ok: true, message: `Restored the revision of ${v1!.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` });
    expect(restored.message).toMatch(/^Restored the revision of \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$/);
    expect((await articleState(articleId)).article).toMatchObject({ body: "One", version: 3, revisedAt: null, status: "draft" });
    expect(await lastAudit(articleId)).toMatchObject({
      action: "article.restore",
      actorId: editorStaff.id,
      details: { revisionId: v1!.id, fromVersion: 1, version: 3 },
    });

    await editor.publish.execute(ctx(), { ...common, id: String(articleId), version: "3", title, body: "Live" });
    const live = await restoreRevision.execute(ctx(), { articleId: String(articleId), revisionId: String(v1!.id), version: "4" });
    expect(live.ok, live.message).toBe(true);
    const { article } = await articleState(articleId);
    expect(article).toMatchObject({ status: "published", body: "One" });
    expect(article.revisedAt).not.toBeNull();
  });

  it("keeps today's tags, and records them, when the revision predates tags being kept", async () => {
    const newsroom = await makeNewsroom(db());
    const common = { sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated" };
    const title = `Untagged past ${newsroom.id}`;
    const created = await editor.draft.execute(ctx(), { ...common, title, body: "Old", tags: `Kept ${newsroom.id}` });
    const articleId = Number(created.redirectTo!.match(/articles\/(\d+)/)![1]);
    const [v1] = await revisions(articleId);
    await db().update(t.articleRevisions).set({ fields: {} }).where(eq(t.articleRevisions.id, v1!.id));
    const restored = await restoreRevision.execute(ctx(), { articleId: String(articleId), revisionId: String(v1!.id), version: "1" });
    expect(restored.ok, restored.message).toBe(true);
    expect((await articleState(articleId)).tags).toEqual([`Kept ${newsroom.id}`]);
    expect((await revisions(articleId)).at(-1)!.fields).toMatchObject({ tags: [`Kept ${newsroom.id}`], restoredFrom: v1!.id });
  });

  it("adds a correction to a published article only, marking it updated, and logs it", async () => {
    const newsroom = await makeNewsroom(db());
    const common = { sectionId: String(newsroom.home.id), authorId: String(newsroom.author.id), commentMode: "moderated", body: "Text" };
    const draft = await editor.draft.execute(ctx(), { ...common, title: `Uncorrectable ${newsroom.id}` });
    const draftId = Number(draft.redirectTo!.match(/articles\/(\d+)/)![1]);
    const refused = "Corrections are for published articles.";
    const revalidated: string[] = [];
    expect(await addCorrection.execute(ctx(revalidated), { articleId: String(draftId), body: "The mayor's name." })).toMatchObject({ ok: false, message: refused });
    expect(await addCorrection.execute(ctx(revalidated), { articleId: "2000000000", body: "The mayor's name." })).toMatchObject({ ok: false, message: refused });
    expect(revalidated).toEqual([]);
    expect(await db().select().from(t.articleCorrections).where(eq(t.articleCorrections.articleId, draftId))).toEqual([]);

    const live = await editor.publish.execute(ctx(), { ...common, title: `Correctable ${newsroom.id}` });
    const liveId = Number(live.redirectTo!.match(/articles\/(\d+)/)![1]);
    const before = (await articleState(liveId)).article;
    expect(before.revisedAt).toBeNull();
    const done = await addCorrection.execute(ctx(revalidated), { articleId: String(liveId), body: "The mayor's name is Ana Ruiz." });
    expect(done).toEqual({ ok: true, message: "Correction added." });
    expect(revalidated).toContain(`article:${liveId}`);
    const [correction] = await db().select().from(t.articleCorrections).where(eq(t.articleCorrections.articleId, liveId));
    expect(correction).toMatchObject({ body: "The mayor's name is Ana Ruiz.", createdBy: editorStaff.id });
    const after = (await articleState(liveId)).article;
    expect(after.revisedAt).toEqual(correction!.createdAt);
    expect(after.publishedAt).toEqual(before.publishedAt);
    expect(await lastAudit(liveId)).toMatchObject({ action: "article.correction", actorId: editorStaff.id, details: { body: "The mayor's name is Ana Ruiz." } });
  });
}, { seed: { password: "irrelevant-password" } });
