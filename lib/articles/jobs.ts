import { inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { articles } from "@/db/schema";
import { audit } from "@/lib/audit";
import { getArticlePageTags } from "@/lib/cache/invalidation";

/** Scheduled articles whose time has come, published by whichever instance gets there first. */
export async function publishDueArticles(db: Db): Promise<{ id: number; tags: string[] }[]> {
  const due = await db.transaction(async (tx) => {
    // SKIP LOCKED: two instances running the scheduler at once never publish the same article twice.
    const rows = await tx.execute<{ id: number }>(sql`
      select id from ${articles}
      where status = 'scheduled' and published_at <= now()
      order by published_at
      limit 50
      for update skip locked`);
    const ids = rowsOf<{ id: number }>(rows).map((r) => Number(r.id));
    if (ids.length === 0) return [];
    await tx.update(articles).set({ status: "published", updatedAt: new Date() }).where(inArray(articles.id, ids));
    for (const articleId of ids) {
      await audit(tx, { actor: null, action: "article.publish-scheduled", target: { type: "article", id: articleId } });
    }
    return ids;
  });
  return Promise.all(due.map(async (articleId) => ({ id: articleId, tags: await getArticlePageTags(db, articleId) })));
}
