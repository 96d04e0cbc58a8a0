import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { addCorrection, editorActions } from "./actions";
import { getAuthor, getSection, getTag } from "./listing";
import { getArticleForEditing, getFrontPage, getPublishedArticle, getRevision, listEditorArticles, listEditorOptions } from "./queries";

// The reads behind the newsroom's screens (the article list, its filters, the form, a
// revision) and what a reader's article page is given.

const editor = editorActions(async () => "UTC");

describeEachDatabase("the newsroom's reads", (database) => {
  const staff = new Map<string, Staff>();
  const db = () => database().primary as Db;
  const ctx = (email: string): ActionContext => ({ staff: staff.get(email)!, db: db(), revalidate: () => {} });
  const idOf = (state: { redirectTo?: string }) => Number(state.redirectTo!.match(/articles\/(\d+)/)![1]);
  const page = { page: 1 };

  beforeAll(async () => {
    for (const u of await db().select().from(t.users)) staff.set(u.email, { id: u.id, email: u.email, name: u.name, role: u.role });
  });

  it("lists a writer's own articles only, and every article for an editor, newest change first", async () => {
    const room = await makeNewsroom(db());
    const common = { sectionId: String(room.home.id), authorId: String(room.author.id), commentMode: "moderated", body: "Text" };
    const mine = await editor.draft.execute(ctx("writer@example.com"), { ...common, title: `Writer's piece ${room.id}` });
    const theirs = await editor.publish.execute(ctx("editor@example.com"), { ...common, title: `Editor's piece ${room.id}` });
    const filters = { ...page, section: room.home.id };
    const forWriter = await listEditorArticles(db(), staff.get("writer@example.com")!, filters);
    expect(forWriter.rows.map((r) => r.id)).toEqual([idOf(mine)]);
    expect(forWriter.total).toBe(1);
    const forEditor = await listEditorArticles(db(), staff.get("editor@example.com")!, filters);
    expect(forEditor.rows.map((r) => r.id)).toEqual([idOf(theirs), idOf(mine)]);
    expect(forEditor.total).toBe(2);
    expect(forEditor.rows[0]).toMatchObject({
      title: `Editor's piece ${room.id}`,
      status: "published",
      section: room.home.name,
      sectionSlug: room.home.slug,
      author: room.author.name,
    });
    expect(forEditor.rows[0]!.publishedAt).toBeInstanceOf(Date);
    expect(forEditor.rows[1]!.publishedAt).toBeNull();
  });

  it("filters by status, section, author and words of the title, the words taken literally", async () => {
    const room = await makeNewsroom(db());
    const [otherAuthor] = await db().insert(t.authors).values({ slug: `second-${room.id}`, name: `Second ${room.id}` }).returning();
    const common = { authorId: String(room.author.id), commentMode: "moderated", body: "Text" };
    const made = async (title: string, over: Record<string, string> = {}, intent: "draft" | "publish" = "draft") =>
      idOf(await editor[intent].execute(ctx("editor@example.com"), { ...common, sectionId: String(room.home.id), title: `${title} ${room.id}`, ...over }));
    const budget = await made("Budget vote");
    const percent = await made("Rates up 100% overnight", {}, "publish");
    const underscore = await made("snake_case names", { sectionId: String(room.away.id) });
    const other = await made("Budget by another", { authorId: String(otherAuthor!.id) });
    const ids = async (filters: Parameters<typeof listEditorArticles>[2]) => (await listEditorArticles(db(), staff.get("editor@example.com")!, filters)).rows.map((r) => r.id).sort();
    const inRoom = (q: string) => ({ ...page, q: `${q}` });

    expect(await ids({ ...page, section: room.home.id, status: "published" })).toEqual([percent]);
    expect(await ids({ ...page, section: room.away.id })).toEqual([underscore]);
    expect(await ids({ ...page, author: otherAuthor!.id })).toEqual([other]);
    expect(await ids({ ...page, section: room.home.id, author: room.author.id, status: "draft" })).toEqual([budget]);
    expect(await ids(inRoom(`budget vote ${room.id}`))).toEqual([budget]);
    // % and _ are the words typed, not patterns.
    expect(await ids({ ...inRoom("100%"), section: room.home.id })).toEqual([percent]);
    expect(await ids({ ...inRoom("%"), section: room.home.id })).toEqual([percent]);
    expect(await ids({ ...inRoom("_"), section: room.away.id })).toEqual([underscore]);
    expect(await ids({ ...inRoom("e_c"), section: room.away.id })).toEqual([underscore]);
    expect(await ids({ ...inRoom("s_a"), section: room.away.id })).toEqual([]);
    expect(await ids({ ...inRoom("\\"), section: room.home.id })).toEqual([]);
  });

  it("pages the list 25 at a time with the total of every page", async () => {
    const room = await makeNewsroom(db());
    for (let i = 0; i < 27; i++) await room.article({ title: `Paged ${i}`, hoursAgo: i + 1 });
    const all = { section: room.home.id };
    const first = await listEditorArticles(db(), staff.get("editor@example.com")!, { ...all, page: 1 });
    const second = await listEditorArticles(db(), staff.get("editor@example.com")!, { ...all, page: 2 });
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(2);
    expect(first.total).toBe(27);
    expect(second.total).toBe(27);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(27);
    expect(await listEditorArticles(db(), staff.get("editor@example.com")!, { ...all, page: 3 })).toEqual({ rows: [], total: 0 });
  });

  it("offers the sections in their order and the authors by name", async () => {
    const room = await makeNewsroom(db());
    await db().update(t.sections).set({ position: -2 }).where(eq(t.sections.id, room.away.id));
    await db().update(t.sections).set({ position: -1 }).where(eq(t.sections.id, room.home.id));
    const options = await listEditorOptions(db());
    expect(options.sections.slice(0, 2)).toEqual([
      { id: room.away.id, name: room.away.name },
      { id: room.home.id, name: room.home.name },
    ]);
    const names = options.authors.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(options.authors.find((a) => a.id === room.author.id)).toEqual({ id: room.author.id, name: room.author.name, userId: null });
    await db().update(t.sections).set({ position: 0 }).where(eq(t.sections.id, room.away.id));
    await db().update(t.sections).set({ position: 0 }).where(eq(t.sections.id, room.home.id));
  });

  it("gives the form an article with its tags, revisions newest first, corrections and section", async () => {
    const room = await makeNewsroom(db());
    const common = { sectionId: String(room.away.id), authorId: String(room.author.id), commentMode: "open", body: "Text" };
    const title = `Editable ${room.id}`;
    const created = await editor.publish.execute(ctx("editor@example.com"), { ...common, title, tags: `Zeta ${room.id}, Alpha ${room.id}` });
    const id = idOf(created);
    await editor.publish.execute(ctx("admin@example.com"), { ...common, id: String(id), version: "1", title, tags: `Zeta ${room.id}, Alpha ${room.id}`, body: "Second" });
    await addCorrection.execute(ctx("editor@example.com"), { articleId: String(id), body: "A first correction." });
    await addCorrection.execute(ctx("editor@example.com"), { articleId: String(id), body: "A second correction." });

    const found = await getArticleForEditing(db(), id);
    expect(found).not.toBeNull();
    expect(found!.article).toMatchObject({ id, title, body: "Second", version: 2 });
    expect(found!.tags).toEqual([`Alpha ${room.id}`, `Zeta ${room.id}`]);
    expect(found!.sectionSlug).toBe(room.away.slug);
    expect(found!.revisions.map((r) => ({ version: r.version, by: r.by, title: r.title, status: r.status }))).toEqual([
      { version: 2, by: staff.get("admin@example.com")!.name, title, status: "published" },
      { version: 1, by: staff.get("editor@example.com")!.name, title, status: "published" },
    ]);
    expect(found!.corrections.map((c) => c.body)).toEqual(["A first correction.", "A second correction."]);
    expect(await getArticleForEditing(db(), 2_000_000_000)).toBeNull();

    const [first] = found!.revisions.slice(-1);
    const revision = await getRevision(db(), id, first!.id);
    expect(revision).toMatchObject({ by: staff.get("editor@example.com")!.name, revision: { id: first!.id, articleId: id, version: 1, body: "Text" } });
    const other = await makeNewsroom(db()).then((r) => r.article({ title: "Someone else's", hoursAgo: 1 }));
    expect(await getRevision(db(), other.id, first!.id)).toBeNull();
    expect(await getRevision(db(), id, 2_000_000_000)).toBeNull();
  });

  it("gives a reader's page the published article with its author, tags, corrections and dates", async () => {
    const room = await makeNewsroom(db());
    await db().update(t.authors).set({ bio: "Covers the council." }).where(eq(t.authors.id, room.author.id));
    const common = { sectionId: String(room.home.id), authorId: String(room.author.id), commentMode: "closed" };
    const title = `Readable ${room.id}`;
    const created = await editor.publish.execute(ctx("editor@example.com"), {
      ...common,
      title,
      standfirst: "What happened.",
      body: "Some **words** here.",
      tags: `Beta ${room.id}, Alpha ${room.id}`,
      sourceName: "Wire",
      sourceUrl: "https://wire.example/a",
      heroImageCaption: "The hall",
      heroImageCredit: "Staff",
      mustRead: "on",
    });
    const id = idOf(created);
    const [{ slug }] = await db().select({ slug: t.articles.slug }).from(t.articles).where(eq(t.articles.id, id)).then((r) => r as [{ slug: string }]);
    const fresh = await getPublishedArticle(db(), { slug });
    expect(fresh).toMatchObject({
      id,
      slug,
      title,
      standfirst: "What happened.",
      body: "Some **words** here.",
      bodyHtml: "<p>Some <strong>words</strong> here.</p>",
      readingMinutes: 1,
      revisedAt: null,
      sourceName: "Wire",
      sourceUrl: "https://wire.example/a",
      heroImageCaption: "The hall",
      heroImageCredit: "Staff",
      heroImageWidth: null,
      heroImageHeight: null,
      mustRead: true,
      commentMode: "closed",
      section: { slug: room.home.slug, name: room.home.name },
      author: { slug: room.author.slug, name: room.author.name, bio: "Covers the council." },
      tags: [
        { slug: `alpha-${room.id}`, name: `Alpha ${room.id}` },
        { slug: `beta-${room.id}`, name: `Beta ${room.id}` },
      ],
      corrections: [],
      commentCount: 0,
    });
    expect(fresh!.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    await addCorrection.execute(ctx("editor@example.com"), { articleId: String(id), body: "Fixed the date." });
    const corrected = await getPublishedArticle(db(), { slug });
    const [stored] = await db().select().from(t.articleCorrections).where(eq(t.articleCorrections.articleId, id));
    expect(corrected!.corrections).toEqual([{ body: "Fixed the date.", createdAt: stored!.createdAt.toISOString() }]);
    expect(corrected!.revisedAt).toBe(stored!.createdAt.toISOString());

    expect(await getPublishedArticle(db(), { slug: `no-such-${room.id}` })).toBeNull();
    const draft = await room.article({ title: "Still a draft", hoursAgo: 1, status: "draft" });
    expect(await getPublishedArticle(db(), { slug: draft.slug })).toBeNull();
    const later = await room.article({ title: "Not yet", hoursAgo: -5, status: "scheduled" });
    expect(await getPublishedArticle(db(), { slug: later.slug })).toBeNull();
  });

  it("finds a section, an author and a tag by slug, and nothing for an unknown one", async () => {
    const room = await makeNewsroom(db());
    await db().update(t.sections).set({ description: "Local news." }).where(eq(t.sections.id, room.home.id));
    await db().update(t.authors).set({ bio: "Reports." }).where(eq(t.authors.id, room.author.id));
    await room.article({ title: "Tagged", hoursAgo: 1, tags: ["topic"] });
    expect(await getSection(db(), { slug: room.home.slug })).toEqual({ slug: room.home.slug, name: room.home.name, description: "Local news." });
    expect(await getAuthor(db(), { slug: room.author.slug })).toEqual({ slug: room.author.slug, name: room.author.name, bio: "Reports." });
    expect(await getTag(db(), { slug: `topic-${room.id}` })).toEqual({ slug: `topic-${room.id}`, name: `topic ${room.id}` });
    expect(await getSection(db(), { slug: `none-${room.id}` })).toBeNull();
    expect(await getAuthor(db(), { slug: `none-${room.id}` })).toBeNull();
    expect(await getTag(db(), { slug: `none-${room.id}` })).toBeNull();
  });

  it("front page: the lead is not repeated among the top stories or its section's", async () => {
    const room = await makeNewsroom(db());
    // The newest article of the site, so that it leads whatever else the database holds.
    const lead = await room.article({ title: "Leads everything", hoursAgo: -0.001, mustRead: true });
    await db().update(t.articles).set({ publishedAt: sql`now()` }).where(eq(t.articles.id, lead.id));
    await room.article({ title: "Second story", hoursAgo: 0.01 });
    const front = await getFrontPage(db(), { top: 3, perSection: 4 });
    expect(front.lead?.id).toBe(lead.id);
    expect(front.top).toHaveLength(3);
    expect(front.top.map((c) => c.id)).not.toContain(lead.id);
    expect((front.bySection[room.home.slug] ?? []).map((c) => c.id)).not.toContain(lead.id);
    expect(front.bySection[room.home.slug]?.map((c) => c.title)).toEqual(["Second story"]);
  });
}, { seed: { password: "irrelevant-password" } });
