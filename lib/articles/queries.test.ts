import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryCount } from "@/db/client";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { listArticles } from "./listing";
import { getFrontPage, listMustRead, listRelatedArticles } from "./queries";

describeEachDatabase("Related News", (database) => {
  let room: Awaited<ReturnType<typeof makeNewsroom>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    room = await makeNewsroom(database().primary);
    const add = async (key: string, a: Parameters<typeof room.article>[0]) => {
      ids[key] = (await room.article(a)).id;
    };
    await add("me", { title: "The article itself", hoursAgo: 5, tags: ["ports", "tides", "ships"] });
    await add("three", { title: "Shares three tags", section: "away", hoursAgo: 300, tags: ["ports", "tides", "ships"] });
    await add("two", { title: "Shares two tags", section: "away", hoursAgo: 200, tags: ["ports", "tides"] });
    await add("oneSame", { title: "Shares one tag, same section", hoursAgo: 100, tags: ["ships"] });
    await add("oneAway", { title: "Shares one tag, other section", section: "away", hoursAgo: 1, tags: ["ports"] });
    await add("sameNewest", { title: "Same section, no tags", hoursAgo: 2 });
    await add("draft", { title: "A draft sharing every tag", hoursAgo: 1, tags: ["ports", "tides", "ships"], status: "draft" });
    await add("future", { title: "Scheduled, sharing every tag", hoursAgo: -24, tags: ["ports", "tides", "ships"] });
  });

  it("ranks by shared tags, then same section, then recency; never the article itself", async () => {
    const related = await listRelatedArticles(database().db, { articleId: ids.me!, limit: 5 });
    expect(related.map((r) => r.title)).toEqual([
      "Shares three tags",
      "Shares two tags",
      "Shares one tag, same section",
      "Shares one tag, other section",
      "Same section, no tags",
    ]);
  });

  it("never lists drafts or articles scheduled for later, and stops at the limit", async () => {
    const related = await listRelatedArticles(database().db, { articleId: ids.me!, limit: 3 });
    expect(related).toHaveLength(3);
    const all = await listRelatedArticles(database().db, { articleId: ids.me!, limit: 50 });
    const titles = all.map((r) => r.title);
    expect(titles).not.toContain("A draft sharing every tag");
    expect(titles).not.toContain("Scheduled, sharing every tag");
    expect(all.map((r) => r.id)).not.toContain(ids.me);
  });

  it("on a tag with many articles, counts the ones written nearest in time, published only", async () => {
    const busy = await makeNewsroom(database().primary);
    const old = await busy.article({ title: "An older story", hoursAgo: 500, tags: ["a"] });
    // a draft written right after it must not take a place among the few considered
    await busy.article({ title: "A draft beside it", hoursAgo: 499, tags: ["a"], status: "draft" });
    const peer = await busy.article({ title: "Its close peer", hoursAgo: 498, tags: ["a"] });
    for (let i = 0; i < 6; i++) await busy.article({ title: `Newer on tag a ${i}`, hoursAgo: 10 - i, tags: ["a"] });
    // With two per tag (one either side), the peer is the one considered after it, not the
    // newest on the tag; the section's newest only fill in behind it.
    const related = await listRelatedArticles(database().db, { articleId: old.id, limit: 3, perTag: 2 });
    expect(related[0]?.id).toBe(peer.id);
    expect(related.map((r) => r.title)).not.toContain("A draft beside it");
  });

  it("fills an untagged article's list from its section, then the site", async () => {
    const related = await listRelatedArticles(database().db, { articleId: ids.sameNewest!, limit: 5 });
    expect(related.map((r) => r.id)).not.toContain(ids.sameNewest);
    expect(related).toHaveLength(5);
    // its own section's articles come before any other section's
    const sectionOrder = related.map((r) => r.section.slug === room.home.slug);
    expect(sectionOrder.indexOf(false)).toBeGreaterThan(sectionOrder.lastIndexOf(true));
  });

  it("is one SQL statement", async () => {
    const before = queryCount();
    await listRelatedArticles(database().db, { articleId: ids.me!, limit: 5 });
    expect(queryCount() - before).toBe(1);
  });
});

describeEachDatabase("Must Read", (database) => {
  // Must Read looks at the whole site, so each case clears the flags and recent articles
  // of everything else in this database first.
  async function isolate() {
    const db = database().primary;
    await db.update(t.articles).set({ mustRead: false });
    await db.update(t.articles).set({ publishedAt: new Date("2000-01-01T00:00:00Z") }).where(eq(t.articles.status, "published"));
    return makeNewsroom(db);
  }

  it("lists the flagged articles newest first, then fills with the most-commented of the last 7 days", async () => {
    const room = await isolate();
    await room.article({ title: "Flagged, older", hoursAgo: 400, mustRead: true });
    await room.article({ title: "Flagged, newer", hoursAgo: 30, mustRead: true });
    await room.article({ title: "Three comments", hoursAgo: 50, approvedComments: 3 });
    await room.article({ title: "One comment", hoursAgo: 20, approvedComments: 1, pendingComments: 6 });
    await room.article({ title: "No comments, newest", hoursAgo: 1 });
    await room.article({ title: "No comments, older", hoursAgo: 10 });
    await room.article({ title: "Many comments, 8 days old", hoursAgo: 8 * 24 + 1, approvedComments: 20 });
    await room.article({ title: "Flagged draft", hoursAgo: 1, mustRead: true, status: "draft" });

    const list = await listMustRead(database().db, { limit: 5 });
    expect(list.map((a) => a.title)).toEqual(["Flagged, newer", "Flagged, older", "Three comments", "One comment", "No comments, newest"]);
    expect(list[2]!.commentCount).toBe(3);
    expect(list[3]!.commentCount).toBe(1);
  });

  it("shows only flagged articles when there are five or more", async () => {
    const room = await isolate();
    for (let i = 1; i <= 6; i++) await room.article({ title: `Flagged ${i}`, hoursAgo: i * 48, mustRead: true });
    await room.article({ title: "Busy but unflagged", hoursAgo: 2, approvedComments: 9 });
    const list = await listMustRead(database().db, { limit: 5 });
    expect(list.map((a) => a.title)).toEqual(["Flagged 1", "Flagged 2", "Flagged 3", "Flagged 4", "Flagged 5"]);
  });
});

describeEachDatabase("listings and the front page", (database) => {
  it("pages a section 20 at a time, newest first, with the total", async () => {
    const room = await makeNewsroom(database().primary);
    for (let i = 1; i <= 45; i++) await room.article({ title: `Story ${i}`, hoursAgo: i });
    await room.article({ title: "Unpublished", hoursAgo: 0, status: "review" });
    const db = database().db;
    const first = await listArticles(db, { kind: "section", slug: room.home.slug, page: 1 });
    const third = await listArticles(db, { kind: "section", slug: room.home.slug, page: 3 });
    const fourth = await listArticles(db, { kind: "section", slug: room.home.slug, page: 4 });
    expect(first.total).toBe(45);
    expect(first.cards.map((c) => c.title).slice(0, 2)).toEqual(["Story 1", "Story 2"]);
    expect(first.cards).toHaveLength(20);
    expect(third.cards.map((c) => c.title)).toEqual(["Story 41", "Story 42", "Story 43", "Story 44", "Story 45"]);
    expect(fourth.cards).toHaveLength(0);
    const byAuthor = await listArticles(db, { kind: "author", slug: room.author.slug, page: 2 });
    expect(byAuthor.cards[0]!.title).toBe("Story 21");
  });

  it("pages a tag's articles, each once however many of its tags an article has", async () => {
    const room = await makeNewsroom(database().primary);
    for (let i = 1; i <= 22; i++) await room.article({ title: `Tagged ${i}`, hoursAgo: i, tags: i % 2 ? ["tide", "moon"] : ["tide"] });
    await room.article({ title: "Other tag", hoursAgo: 30, tags: ["moon"] });
    await room.article({ title: "Tagged draft", hoursAgo: 30, tags: ["tide"], status: "draft" });
    const [tide] = await database().primary.select().from(t.tags).where(eq(t.tags.name, `tide ${room.id}`));
    const db = database().db;
    const first = await listArticles(db, { kind: "tag", slug: tide!.slug, page: 1 });
    const second = await listArticles(db, { kind: "tag", slug: tide!.slug, page: 2 });
    expect(first.total).toBe(22);
    expect(first.cards.map((c) => c.title).slice(0, 3)).toEqual(["Tagged 1", "Tagged 2", "Tagged 3"]);
    expect(second.cards.map((c) => c.title)).toEqual(["Tagged 21", "Tagged 22"]);
  });

  describe("front page", () => {
    it("leads with the newest must-read and keeps each section's newest four besides it", async () => {
      const room = await makeNewsroom(database().primary);
      await database().primary.update(t.articles).set({ mustRead: false });
      await room.article({ title: "Newest of all", section: "away", hoursAgo: 0.01 });
      await room.article({ title: "Flagged lead", hoursAgo: 3, mustRead: true });
      for (let i = 1; i <= 6; i++) await room.article({ title: `Home ${i}`, hoursAgo: 3 + i });
      const front = await getFrontPage(database().db, { top: 4, perSection: 4 });
      expect(front.lead?.title).toBe("Flagged lead");
      expect(front.top.map((c) => c.title)).not.toContain("Flagged lead");
      expect(front.top[0]?.title).toBe("Newest of all");
      // the lead is shown once, at the top: its section's block has the next three
      expect(front.bySection[room.home.slug]?.map((c) => c.title)).toEqual(["Home 1", "Home 2", "Home 3"]);
      expect(front.bySection[room.away.slug]?.map((c) => c.title)).toEqual(["Newest of all"]);
    });
  });
});
