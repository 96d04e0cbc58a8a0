import { and, count, desc, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { editorActions, uploadBodyImage } from "./actions";
import { writerRefusal } from "./save";

// One save of the article editor, button by button: what each refuses and why, the dates and
// status it sets, what it records in the audit log, and what it expires.

const editor = editorActions(async () => "UTC");
const inTokyo = editorActions(async () => "Asia/Tokyo");

describe("writerRefusal", () => {
  it("lets a writer change their own draft or article in review, and nothing else", () => {
    expect(writerRefusal({ createdBy: 4, status: "draft" }, 4)).toBeNull();
    expect(writerRefusal({ createdBy: 4, status: "review" }, 4)).toBeNull();
    expect(writerRefusal({ createdBy: 5, status: "draft" }, 4)).toBe("Writers can edit only their own articles.");
    expect(writerRefusal({ createdBy: null, status: "draft" }, 4)).toBe("Writers can edit only their own articles.");
    for (const status of ["published", "scheduled"] as const) {
      expect(writerRefusal({ createdBy: 4, status }, 4)).toBe("This article is published or scheduled; an editor makes changes to it now.");
    }
  });
});

async function photo(name: string) {
  const bytes = await sharp({ create: { width: 800, height: 450, channels: 3, background: "#3a6" } }).jpeg().toBuffer();
  return new File([new Uint8Array(bytes)], name, { type: "image/jpeg" });
}

describeEachDatabase("an article editor's save", (database) => {
  const staff = new Map<string, Staff>();
  const db = () => database().primary as Db;
  const ctx = (email: string, revalidated: string[] = []): ActionContext => ({ staff: staff.get(email)!, db: db(), revalidate: (tags) => revalidated.push(...tags) });
  let room: Awaited<ReturnType<typeof makeNewsroom>>;
  let common: Record<string, string>;
  let n = 0;
  const title = (what: string) => `${what} ${room.id} ${++n}`;
  const idOf = (state: { redirectTo?: string }) => Number(state.redirectTo!.match(/articles\/(\d+)/)![1]);
  const row = async (id: number) => (await db().select().from(t.articles).where(eq(t.articles.id, id)))[0]!;
  const lastAudit = async (id: number) =>
    (await db().select().from(t.auditLog).where(and(eq(t.auditLog.targetType, "article"), eq(t.auditLog.targetId, String(id)))).orderBy(desc(t.auditLog.id)).limit(1))[0];

  beforeAll(async () => {
    for (const u of await db().select().from(t.users)) staff.set(u.email, { id: u.id, email: u.email, name: u.name, role: u.role });
    room = await makeNewsroom(db());
    common = { sectionId: String(room.home.id), authorId: String(room.author.id), commentMode: "moderated", body: "Text" };
  });

  afterEach(() => vi.useRealTimers());

  it("publishes a new article now, records who did it, and says so", async () => {
    const before = Date.now();
    const name = title("Fresh news");
    const saved = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: name });
    expect(saved).toMatchObject({ ok: true, message: "Published." });
    const id = idOf(saved);
    expect(saved.redirectTo).toBe(`/editor/articles/${id}?saved=publish&v=1`);
    const article = await row(id);
    expect(article).toMatchObject({ status: "published", version: 1, revisedAt: null, createdBy: staff.get("editor@example.com")!.id });
    expect(article.publishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(await lastAudit(id)).toMatchObject({
      action: "article.publish",
      actorId: staff.get("editor@example.com")!.id,
      details: { title: name, version: 1, status: "published" },
    });
  });

  it("keeps a live article's first publication time and marks an edit as updated", async () => {
    const created = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: title("Live") });
    const id = idOf(created);
    const first = await row(id);
    const edited = await editor.publish.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: first.title, body: "Edited" });
    expect(edited.ok, edited.message).toBe(true);
    const after = await row(id);
    expect(after.publishedAt).toEqual(first.publishedAt);
    expect(after.revisedAt).not.toBeNull();
    expect(after.revisedAt!.getTime()).toBeGreaterThanOrEqual(first.publishedAt!.getTime());

    // A draft save of a live article keeps both dates (the article leaves the site as a draft).
    const drafted = await editor.draft.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "2", title: first.title });
    expect(drafted.ok, drafted.message).toBe(true);
    expect(await row(id)).toMatchObject({ status: "draft", publishedAt: first.publishedAt, revisedAt: after.revisedAt });
  });

  it("publishing a draft for the first time is not an update", async () => {
    const created = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("First time") });
    const id = idOf(created);
    expect(await row(id)).toMatchObject({ status: "draft", publishedAt: null, revisedAt: null });
    const published = await editor.publish.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: (await row(id)).title });
    expect(published.ok, published.message).toBe(true);
    const article = await row(id);
    expect(article.publishedAt).not.toBeNull();
    expect(article.revisedAt).toBeNull();
  });

  it("sends an article for review, and unpublishes a live one back to a draft with no dates", async () => {
    const review = await editor.review.execute(ctx("writer@example.com"), { ...common, title: title("For review") });
    expect(review).toMatchObject({ ok: true, message: "Submitted for review. An editor will publish it." });
    expect(await row(idOf(review))).toMatchObject({ status: "review", publishedAt: null });

    const live = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: title("Going away") });
    const id = idOf(live);
    await editor.publish.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: (await row(id)).title });
    expect((await row(id)).revisedAt).not.toBeNull();
    const gone = await editor.unpublish.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "2", title: (await row(id)).title });
    expect(gone).toMatchObject({ ok: true, message: "Unpublished: the article is a draft again and no longer public." });
    expect(await row(id)).toMatchObject({ status: "draft", publishedAt: null, revisedAt: null, version: 3 });
    expect(await lastAudit(id)).toMatchObject({ action: "article.unpublish", details: { status: "draft", version: 3 } });
  });

  it("unpublishes only a published or scheduled article", async () => {
    const fresh = await editor.unpublish.execute(ctx("editor@example.com"), { ...common, title: title("Never live") });
    expect(fresh).toMatchObject({ ok: false, message: "Only a published or scheduled article can be unpublished." });
    const draft = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("A draft") });
    const id = idOf(draft);
    const refused = await editor.unpublish.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: "A draft" });
    expect(refused).toMatchObject({ ok: false, message: "Only a published or scheduled article can be unpublished." });
    expect(refused.values?.title).toBe("A draft");
    expect(await row(id)).toMatchObject({ status: "draft", version: 1 });

    const scheduled = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: title("Later"), scheduledAt: "2099-01-01T09:00" });
    const later = idOf(scheduled);
    const back = await editor.unpublish.execute(ctx("editor@example.com"), { ...common, id: String(later), version: "1", title: (await row(later)).title });
    expect(back.ok, back.message).toBe(true);
    expect(await row(later)).toMatchObject({ status: "draft", publishedAt: null });
  });

  it("schedules at the time typed in the site's zone, and records it", async () => {
    const scheduled = await inTokyo.schedule.execute(ctx("editor@example.com"), { ...common, title: title("Tokyo morning"), scheduledAt: "2099-03-01T09:00" });
    expect(scheduled).toMatchObject({ ok: true, message: "Scheduled." });
    const id = idOf(scheduled);
    const at = new Date("2099-03-01T00:00:00.000Z");
    expect(await row(id)).toMatchObject({ status: "scheduled", publishedAt: at, revisedAt: null });
    expect(await lastAudit(id)).toMatchObject({ action: "article.schedule", details: { status: "scheduled", scheduledAt: at.toISOString() } });
  });

  it("asks for a time to schedule at, and one still to come", async () => {
    const none = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: "Whenever", scheduledAt: "" });
    expect(none).toMatchObject({ ok: false, message: "Please choose when to publish.", errors: { scheduledAt: ["Please choose a date and time"] } });
    expect(none.values?.title).toBe("Whenever");
    const junk = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: "Whenever", scheduledAt: "next tuesday" });
    expect(junk.errors?.scheduledAt).toEqual(["Please choose a date and time"]);
    // The very minute it is now has come already.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-05-05T10:00:00.000Z"));
    const now = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: "Right now", scheduledAt: "2030-05-05T10:00" });
    expect(now).toMatchObject({ ok: false, message: "Please choose a time in the future.", errors: { scheduledAt: ["Please choose a time in the future"] } });
    const soon = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: title("A minute on"), scheduledAt: "2030-05-05T10:01" });
    expect(soon.ok, soon.message).toBe(true);
  });

  it("names who changed the article, and when in the site's zone, when a save comes from an old version", async () => {
    const created = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("Contested") });
    const id = idOf(created);
    const name = (await row(id)).title;
    await editor.draft.execute(ctx("admin@example.com"), { ...common, id: String(id), version: "1", title: name, body: "Admin's" });
    const updated = await row(id);
    const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }).format(updated.updatedAt);
    const stale = await inTokyo.draft.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: name, body: "Mine" });
    expect(stale).toMatchObject({ ok: false });
    expect(stale.message).toBe(
      `This article was changed by ${staff.get("admin@example.com")!.name} at ${when}. Your text is still here: copy what you need, then reload to see their version.`,
    );
    expect(stale.values?.body).toBe("Mine");

    // Changed by no one the site still knows.
    await db().update(t.articles).set({ updatedBy: null }).where(eq(t.articles.id, id));
    const orphan = await editor.draft.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: name });
    expect(orphan.message).toMatch(/^This article was changed by someone else at /);
  });

  it("refuses a save of an article that no longer exists", async () => {
    const gone = await editor.draft.execute(ctx("editor@example.com"), { ...common, id: "2000000000", version: "1", title: "Ghost" });
    expect(gone).toMatchObject({ ok: false, message: "This article no longer exists." });
    expect(gone.values?.title).toBe("Ghost");
  });

  it("needs a section and an author that exist", async () => {
    const section = await editor.draft.execute(ctx("editor@example.com"), { ...common, sectionId: "2000000000", title: title("Nowhere") });
    expect(section).toMatchObject({ ok: false, message: "Please choose a section.", errors: { sectionId: ["Please choose a section"] } });
    const author = await editor.draft.execute(ctx("editor@example.com"), { ...common, authorId: "2000000000", title: title("By nobody") });
    expect(author).toMatchObject({ ok: false, message: "Please choose an author.", errors: { authorId: ["Please choose an author"] } });
  });

  it("takes a typed slug that is free, numbers a taken title's, and asks for one when the title has no letters", async () => {
    const typed = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("Anything"), slug: `chosen-${room.id}` });
    expect(typed.ok, typed.message).toBe(true);
    expect((await row(idOf(typed))).slug).toBe(`chosen-${room.id}`);
    // Saving again under its own slug is no clash.
    const again = await editor.draft.execute(ctx("editor@example.com"), { ...common, id: String(idOf(typed)), version: "1", title: "Anything", slug: `chosen-${room.id}` });
    expect(again.ok, again.message).toBe(true);

    const symbols = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: "!!! ???" });
    expect(symbols).toMatchObject({ ok: false, message: "Please type a slug: the title has no letters to make one from.", errors: { slug: ["Please type a slug"] } });

    // A long title's slug stays within 80 characters when numbered.
    const long = `Long ${room.id} ${"word ".repeat(30)}`.trim();
    const one = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: long });
    const two = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: long });
    const [a, b] = [(await row(idOf(one))).slug, (await row(idOf(two))).slug];
    expect(b).not.toBe(a);
    expect(b).toBe(`${a.slice(0, 76)}-2`);
    expect(b.length).toBeLessThanOrEqual(80);
  });

  it("keeps the hero image unless removed, and autosave never removes it", async () => {
    const created = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("With hero") });
    const id = idOf(created);
    const name = (await row(id)).title;
    await db().update(t.articles).set({ heroImageUrl: "/media/0123456789abcdef0123456789abcdef/960.webp", heroImageWidth: 960, heroImageHeight: 540 }).where(eq(t.articles.id, id));
    await editor.draft.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "1", title: name });
    expect(await row(id)).toMatchObject({ heroImageUrl: "/media/0123456789abcdef0123456789abcdef/960.webp", heroImageWidth: 960 });
    const autosaved = await editor.autosave.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "2", title: name, removeHero: "on" });
    expect(autosaved).toMatchObject({ ok: true, message: "Draft saved." });
    expect((await row(id)).heroImageUrl).not.toBeNull();
    expect(await lastAudit(id)).toMatchObject({ action: "article.autosave" });
    await editor.draft.execute(ctx("editor@example.com"), { ...common, id: String(id), version: "3", title: name, removeHero: "on" });
    expect(await row(id)).toMatchObject({ heroImageUrl: null, heroImageWidth: null, heroImageHeight: null });
  });

  it("refuses a writer's upload to someone else's article before storing the image", async () => {
    const theirs = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("Editor's own") });
    const id = idOf(theirs);
    const images = async () => Number((await db().select({ n: count() }).from(t.media))[0]!.n);
    const before = await images();
    const hero = await editor.draft.execute(ctx("writer@example.com"), { ...common, id: String(id), version: "1", title: "Mine now", hero: await photo(`theirs-${room.id}.jpg`) });
    expect(hero).toMatchObject({ ok: false, refused: "forbidden", message: "Writers can edit only their own articles." });
    const body = await uploadBodyImage.execute(ctx("writer@example.com"), { articleId: String(id), image: await photo(`body-${room.id}.jpg`) });
    expect(body).toMatchObject({ ok: false, refused: "forbidden", message: "Writers can edit only their own articles." });
    expect(await images()).toBe(before);
    // An article that is gone takes no image either.
    const missing = await uploadBodyImage.execute(ctx("editor@example.com"), { articleId: "2000000000", image: await photo(`gone-${room.id}.jpg`) });
    expect(missing).toMatchObject({ ok: false, message: "This article no longer exists." });
    expect(await images()).toBe(before);
    // Their own draft takes it.
    const own = await editor.draft.execute(ctx("writer@example.com"), { ...common, title: title("Writer's own") });
    const stored = await uploadBodyImage.execute(ctx("writer@example.com"), { articleId: String(idOf(own)), image: await photo(`own-${room.id}.jpg`) });
    expect(stored).toMatchObject({ ok: true, message: "Image uploaded.", imageUrl: expect.stringMatching(/^\/media\/[0-9a-f]{32}\/\d+\.webp$/) });
  });

  it("says why an upload is not an image, keeping what was typed", async () => {
    const notImage = new File([new TextEncoder().encode("just text, not a picture")], "notes.jpg", { type: "image/jpeg" });
    const hero = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: "Bad hero", hero: notImage });
    expect(hero.ok).toBe(false);
    expect(hero.errors?.hero).toEqual([hero.message]);
    expect(hero.values?.title).toBe("Bad hero");
    const own = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("Body image") });
    const body = await uploadBodyImage.execute(ctx("editor@example.com"), { articleId: String(idOf(own)), image: notImage });
    expect(body).toMatchObject({ ok: false, message: hero.message });
  });

  it("asks for a breaking-news alert only when a published or scheduled save ticks the box", async () => {
    const requested = async (id: number) => (await db().select().from(t.breakingRequests).where(eq(t.breakingRequests.articleId, id))).length;
    const draft = await editor.draft.execute(ctx("editor@example.com"), { ...common, title: title("Breaking draft"), breaking: "on" });
    expect(await requested(idOf(draft))).toBe(0);
    const quiet = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: title("Not breaking") });
    expect(await requested(idOf(quiet))).toBe(0);
    const loud = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: title("Breaking now"), breaking: "on" });
    expect(await requested(idOf(loud))).toBe(1);
    const later = await editor.schedule.execute(ctx("editor@example.com"), { ...common, title: title("Breaking later"), breaking: "on", scheduledAt: "2099-01-01T09:00" });
    expect(await requested(idOf(later))).toBe(1);
  });

  it("expires nothing when a save is refused", async () => {
    const live = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: title("Stays put") });
    const id = idOf(live);
    const revalidated: string[] = [];
    const stale = await editor.publish.execute(ctx("editor@example.com", revalidated), { ...common, id: String(id), version: "7", title: "Stays put" });
    expect(stale.ok).toBe(false);
    expect(revalidated).toEqual([]);
  });
}, { seed: { password: "irrelevant-password" } });
