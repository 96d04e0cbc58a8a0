import { desc, eq, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { spamModels } from "@/db/schema";
import type { Finding } from "@/lib/comments/spam";
import { describeScore, score, type Model } from "./model";
import { shippedModel } from "./shipped";

export const defaultThresholds = { holdAt: 0.7, markAt: 0.95 };

/**
 * The model this process last read from spam_models, by id. Every instance asks for the
 * newest id with each comment (one indexed row) and reads the model itself only when another
 * instance has trained a new one, so all of them score with the same model within a comment.
 */
const cache = new WeakMap<Db, { id: number; model: Model }>();

export async function currentModel(db: Db, newestId: number | null): Promise<{ id: number | null; model: Model }> {
  if (newestId === null) return { id: null, model: shippedModel() };
  const cached = cache.get(db);
  if (cached?.id === newestId) return cached;
  const [row] = await db.select({ id: spamModels.id, model: spamModels.model }).from(spamModels).where(eq(spamModels.id, newestId));
  if (!row) return { id: null, model: shippedModel() };
  const loaded = { id: row.id, model: row.model };
  cache.set(db, loaded);
  return loaded;
}

export async function newestModelId(db: Db): Promise<number | null> {
  const [row] = await db.select({ id: spamModels.id }).from(spamModels).orderBy(desc(spamModels.id)).limit(1);
  return row?.id ?? null;
}

/** What the classifier makes of a comment, as a spam check's finding (none below the hold threshold). */
export function classifierFinding(model: Model, text: string, thresholds = defaultThresholds): Finding[] {
  const s = score(model, text);
  if (s.probability < thresholds.holdAt) return [];
  return [{ severity: s.probability >= thresholds.markAt ? "spam" : "hold", reason: describeScore(s) }];
}

/**
 * Scores a new comment with the newest model and the site's thresholds, read in one statement.
 * The comment's website is scored with its text, since spam often hides its link there; its
 * name is not (the training reads no names either).
 */
export async function classifyComment(db: Db, comment: { body: string; name: string; website: string | null }): Promise<Finding[]> {
  const [row] = rowsOf<{ model_id: number | null; hold_at: number | null; mark_at: number | null }>(
    await db.execute(sql`
      select (select id from spam_models order by id desc limit 1) as model_id,
             (select spam_hold_at from site_settings where id = 1) as hold_at,
             (select spam_mark_at from site_settings where id = 1) as mark_at`),
  );
  const { model } = await currentModel(db, row?.model_id === null || row?.model_id === undefined ? null : Number(row.model_id));
  const thresholds = {
    holdAt: row?.hold_at === null || row?.hold_at === undefined ? defaultThresholds.holdAt : Number(row.hold_at),
    markAt: row?.mark_at === null || row?.mark_at === undefined ? defaultThresholds.markAt : Number(row.mark_at),
  };
  const text = [comment.body, comment.website ?? ""].filter(Boolean).join("\n");
  return classifierFinding(model, text, thresholds);
}
