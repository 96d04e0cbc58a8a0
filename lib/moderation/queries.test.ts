import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { countModerationQueues, getArticleTitle, listBans, listModerationQueue, listWordLists, queuePageSize } from "./queries";

const minute = 60_000;

describeEachDatabase("the moderation screens' reads", (database) => {
  const db = () => database().primary;
  let articleId = 0;
  let draftId = 0;
  let sectionSlug = "";
  let articleSlug = "";
  let moderatorId = 0;
  const base = Date.now() - 24 * 60 * minute;

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db());
    const article = await newsroom.article({ title: "Queue Article", hoursAgo: 30 });
    const draft = await newsroom.article({ title: "Queue Draft", hoursAgo: 1, status: "draft" });
    articleId = article.id;
    draftId = draft.id;
    articleSlug = article.slug;
    sectionSlug = newsroom.home.slug;
    const [moderator] = await db().select().from(t.users).where(eq(t.users.email, "moderator@example.com"));
    moderatorId = moderator!.id;
  });

  async function comment(values: Partial<typeof t.comments.$inferInsert> & { minutes: number }) {
    const { minutes, ...rest } = values;
    const [row] = await db()
      .insert(t.comments)
      .values({ articleId, authorName: "Reader", authorEmail: "reader@example.net", body: "A comment", status: "pending", createdAt: new Date(base + minutes * minute), ...rest })
      .returning();
    return row!;
  }

  it("lists one queue newest first, with what a moderator needs to judge each comment", async () => {
    const parent = await comment({ minutes: 1, status: "approved", authorName: "First Reader" });
    const reply = await comment({
      minutes: 2,
      parentId: parent.id,
      authorName: "Second Reader",
      authorEmail: "second@example.net",
      authorWebsite: "https://second.example",
      ipHash: "abcdef0123456789abcdef",
      userAgent: "Firefox/140",
      spamReasons: ["links"],
    });
    const older = await comment({ minutes: 0, authorName: "Early Reader" });
    const onDraft = await comment({ minutes: 3, articleId: draftId });

    const pending = await listModerationQueue(db(), { status: "pending", page: 1, articleId });
    expect(pending.map((c) => c.id)).toEqual([reply.id, older.id]);
    expect(pending[0]).toEqual({
      id: reply.id,
      status: "pending",
      name: "Second Reader",
      email: "second@example.net",
      website: "https://second.example",
      body: "A comment",
      createdAt: new Date(base + 2 * minute).toISOString(),
      spamReasons: ["links"],
      ipTag: "abcdef01",
      userAgent: "Firefox/140",
      parent: { id: parent.id, name: "First Reader" },
      article: { id: articleId, title: "Queue Article", href: `/${sectionSlug}/${articleSlug}`, published: true },
      moderation: null,
    });
    expect(pending[1]).toMatchObject({ ipTag: null, parent: null, website: null });

    const drafts = await listModerationQueue(db(), { status: "pending", page: 1, articleId: draftId });
    expect(drafts.map((c) => c.id)).toEqual([onDraft.id]);
    expect(drafts[0]!.article.published).toBe(false);

    // every article's queue when none is chosen
    const all = (await listModerationQueue(db(), { status: "pending", page: 1, articleId: null })).map((c) => c.id);
    expect(all).toEqual(expect.arrayContaining([reply.id, older.id, onDraft.id]));
    expect(all).not.toContain(parent.id);
  });

  it("says who decided a comment and when", async () => {
    const at = new Date(base + 90 * minute);
    const decided = await comment({ minutes: 5, status: "rejected", moderatedBy: moderatorId, moderatedAt: at });
    const [row] = await listModerationQueue(db(), { status: "rejected", page: 1, articleId });
    expect(row).toMatchObject({ id: decided.id, moderation: { by: "moderator@example.com", at: at.toISOString() } });
  });

  it("pages a long queue, twenty at a time, the same time broken by id", async () => {
    const newsroom = await makeNewsroom(db());
    const busy = await newsroom.article({ title: "Busy Article", hoursAgo: 5 });
    const at = new Date(base);
    const rows = await db()
      .insert(t.comments)
      .values(Array.from({ length: queuePageSize + 5 }, (_, i) => ({ articleId: busy.id, authorName: `R${i}`, authorEmail: `r${i}@example.net`, body: "x", status: "spam" as const, createdAt: at })))
      .returning({ id: t.comments.id });
    const ids = rows.map((r) => r.id).sort((a, b) => b - a);
    const first = await listModerationQueue(db(), { status: "spam", page: 1, articleId: busy.id });
    const second = await listModerationQueue(db(), { status: "spam", page: 2, articleId: busy.id });
    expect(first.map((c) => c.id)).toEqual(ids.slice(0, queuePageSize));
    expect(second.map((c) => c.id)).toEqual(ids.slice(queuePageSize));
    expect(await listModerationQueue(db(), { status: "spam", page: 3, articleId: busy.id })).toEqual([]);

    expect(await countModerationQueues(db(), { articleId: busy.id })).toEqual({ pending: 0, approved: 0, rejected: 0, spam: queuePageSize + 5 });
  });

  it("counts every queue, empty ones as zero, for one article or all", async () => {
    const newsroom = await makeNewsroom(db());
    const quiet = await newsroom.article({ title: "Quiet Article", hoursAgo: 5, approvedComments: 2, pendingComments: 3 });
    expect(await countModerationQueues(db(), { articleId: quiet.id })).toEqual({ pending: 3, approved: 2, rejected: 0, spam: 0 });
    const everywhere = await countModerationQueues(db(), { articleId: null });
    expect(everywhere.pending).toBeGreaterThanOrEqual(3 + 3);
    expect(everywhere.approved).toBeGreaterThanOrEqual(2 + 1);
  });

  it("names an article by its title, and no article by none", async () => {
    expect(await getArticleTitle(db(), articleId)).toBe("Queue Article");
    expect(await getArticleTitle(db(), 987_654_321)).toBeNull();
  });

  it("lists the word lists alphabetically, each under its own kind", async () => {
    await db().delete(t.bannedWords);
    await db().insert(t.bannedWords).values([
      { word: "zebra scam", kind: "banned" },
      { word: "casino", kind: "banned" },
      { word: "maybe", kind: "suspect" },
      { word: "ample", kind: "suspect" },
    ]);
    expect(await listWordLists(db())).toEqual({ banned: ["casino", "zebra scam"], suspect: ["ample", "maybe"] });
  });

  it("lists bans newest first, an address only by a fragment of its hash", async () => {
    const id = randomBytes(4).toString("hex");
    const [older] = await db().insert(t.bannedCommenters).values({ kind: "email", value: `spammer-${id}@example.net`, reason: "links", createdBy: moderatorId, createdAt: new Date(Date.now() + 60 * minute) }).returning();
    const [newer] = await db().insert(t.bannedCommenters).values({ kind: "ip", value: `0123456789abcdef${id}`, reason: "", createdAt: new Date(Date.now() + 61 * minute) }).returning();
    const bans = await listBans(db());
    expect(bans.slice(0, 2)).toEqual([
      { id: newer!.id, kind: "ip", value: "IP 01234567…", reason: "", by: null, createdAt: newer!.createdAt.toISOString() },
      { id: older!.id, kind: "email", value: `spammer-${id}@example.net`, reason: "links", by: "moderator@example.com", createdAt: older!.createdAt.toISOString() },
    ]);
    expect(await listBans(db(), 1)).toHaveLength(1);
  });
}, { seed: { password: "irrelevant-password" } });
