import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { getCommentPage } from "./queries";

const getApprovedComments = async (db: Db, articleId: number) => (await getCommentPage(db, { articleId, page: 1 })).threads;

describeEachDatabase("getCommentPage threads", (database) => {
  const db = () => database().primary as Db;
  let articleId = 0;
  const minute = 60_000;

  beforeAll(async () => {
    const newsroom = await makeNewsroom(db());
    ({ id: articleId } = await newsroom.article({ title: `Threaded ${randomBytes(3).toString("hex")}`, hoursAgo: 5 }));
  });

  it("lists comments and their replies oldest first, replies only under their parent, approved only", async () => {
    const start = Date.now() - 4 * 60 * minute;
    const at = (minutes: number) => new Date(start + minutes * minute);
    const comment = (body: string, minutes: number, over: Partial<t.NewComment> = {}) => ({
      articleId,
      authorName: body,
      authorEmail: `${body.replace(/\W/g, "")}@example.net`,
      body,
      status: "approved" as const,
      createdAt: at(minutes),
      ...over,
    });
    // Inserted newest first, so that the order shown comes from the times, not the ids.
    const [later] = await db().insert(t.comments).values(comment("Later comment", 30)).returning();
    const [earlier] = await db().insert(t.comments).values(comment("Earlier comment", 10)).returning();
    await db()
      .insert(t.comments)
      .values([
        comment("Last reply", 50, { parentId: earlier!.id }),
        comment("Middle reply", 40, { parentId: earlier!.id }),
        comment("First reply", 20, { parentId: earlier!.id }),
        comment("Waiting reply", 25, { parentId: earlier!.id, status: "pending" }),
        comment("Spam reply", 26, { parentId: later!.id, status: "spam" }),
      ]);

    const thread = await getApprovedComments(db(), articleId);
    expect(thread.map((c) => c.body)).toEqual(["Earlier comment", "Later comment"]);
    expect(thread[0]!.replies.map((r) => r.body)).toEqual(["First reply", "Middle reply", "Last reply"]);
    expect(thread[1]!.replies).toEqual([]);
    // One level deep: a reply carries no replies of its own.
    expect(thread[0]!.replies.map((r) => r.replies)).toEqual([[], [], []]);
    expect(JSON.stringify(thread)).not.toContain("@example.net");
    expect(thread[0]).toMatchObject({ name: "Earlier comment", createdAt: at(10).toISOString() });
  });

  it("shows none of another article's comments", async () => {
    const newsroom = await makeNewsroom(db());
    const other = await newsroom.article({ title: `Elsewhere ${newsroom.id}`, hoursAgo: 3, approvedComments: 2 });
    expect(await getApprovedComments(db(), other.id)).toHaveLength(2);
    const mine = await getApprovedComments(db(), articleId);
    expect(mine.flatMap((c) => [c.body, ...c.replies.map((r) => r.body)])).not.toContain("Comment 0");
  });
});
