import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { findComment, getCommentPage } from "./queries";

describeEachDatabase("comment pages", (database) => {
  const db = () => database().primary;
  let articleId = 0;
  let article = { section: "", slug: "" };
  const heads: number[] = [];
  let lateReply = 0;
  let hiddenHead = 0;

  beforeAll(async () => {
    const [a] = await db()
      .select({ id: t.articles.id, slug: t.articles.slug, section: t.sections.slug })
      .from(t.articles)
      .innerJoin(t.sections, eq(t.sections.id, t.articles.sectionId))
      .where(eq(t.articles.status, "published"))
      .limit(1);
    articleId = a!.id;
    article = { section: a!.section, slug: a!.slug };
    await db().delete(t.comments).where(eq(t.comments.articleId, articleId));
    const base = Date.UTC(2026, 0, 1);
    // 120 threads a minute apart; every tenth has two replies; one waiting and one taken down.
    const rows = await db()
      .insert(t.comments)
      .values(
        Array.from({ length: 120 }, (_, i) => ({
          articleId,
          authorName: `Reader ${i}`,
          authorEmail: `r${i}@example.com`,
          body: `Thread ${i}`,
          status: "approved" as const,
          createdAt: new Date(base + i * 60_000),
        })),
      )
      .returning({ id: t.comments.id });
    heads.push(...rows.map((r) => r.id));
    for (let i = 0; i < 120; i += 10) {
      const replies = await db()
        .insert(t.comments)
        .values(
          [0, 1].map((k) => ({
            articleId,
            parentId: heads[i]!,
            authorName: `Replier ${i}.${k}`,
            authorEmail: `p${i}${k}@example.com`,
            body: `Reply ${i}.${k}`,
            status: "approved" as const,
            createdAt: new Date(base + 200 * 60_000 + i * 1000 + k),
          })),
        )
        .returning({ id: t.comments.id });
      if (i === 110) lateReply = replies[1]!.id;
    }
    await db().insert(t.comments).values({ articleId, authorName: "W", authorEmail: "w@example.com", body: "Waiting", status: "pending" });
    hiddenHead = heads[5]!;
    await db().update(t.comments).set({ hiddenByReports: true }).where(eq(t.comments.id, hiddenHead));
  });

  it("carries 50 threads a page with all their replies, oldest first, and counts what readers see", async () => {
    const first = await getCommentPage(db(), { articleId, page: 1 });
    // 119 visible threads (one taken down) make three pages.
    expect(first.pages).toBe(3);
    // 119 threads and 24 replies
    expect(first.total).toBe(119 + 24);
    expect(first.threads).toHaveLength(50);
    expect(first.threads[0]!.body).toBe("Thread 0");
    expect(first.threads[0]!.replies.map((r) => r.body)).toEqual(["Reply 0.0", "Reply 0.1"]);
    expect(first.threads.some((c) => c.id === hiddenHead)).toBe(false);
    // The sixth thread is taken down, so the first page ends with thread 50.
    expect(first.threads.at(-1)!.body).toBe("Thread 50");

    const last = await getCommentPage(db(), { articleId, page: 3 });
    expect(last.threads).toHaveLength(19);
    expect(last.threads[0]!.body).toBe("Thread 101");
    expect(last.threads.at(-1)!.body).toBe("Thread 119");
    expect((await getCommentPage(db(), { articleId, page: 4 })).threads).toEqual([]);
  });

  it("finds the page of a comment and of a reply, and nothing for one readers cannot see", async () => {
    expect(await findComment(db(), { commentId: heads[0]! })).toEqual({ ...article, page: 1, commentId: heads[0]! });
    expect((await findComment(db(), { commentId: heads[50]! }))?.page).toBe(1);
    expect((await findComment(db(), { commentId: heads[51]! }))?.page).toBe(2);
    expect(await findComment(db(), { commentId: lateReply })).toEqual({ ...article, page: 3, commentId: lateReply });
    expect(await findComment(db(), { commentId: hiddenHead })).toBeNull();
    expect(await findComment(db(), { commentId: 2_000_000_000 })).toBeNull();
  });
}, { seed: { password: "irrelevant-password" } });
