import { desc, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { comments, spamModels } from "@/db/schema";
import { train, type Example } from "./model";
import { shippedExamples } from "./shipped";

export const retraining = {
  /** decisions (approved, spam or rejected comments) since the last model before the next training */
  every: 20,
  /** the newest comments of each kind that a training reads; older ones have taught what they can */
  perClass: 2000,
};

export type RetrainReport = { trained: boolean; labelled: number; modelId?: number };

/**
 * Trains a new model on the shipped comments and the site's own decisions, approved comments
 * as ham, spam and rejected ones as spam, when enough decisions came in since the last model
 * (or there is none yet), and stores it for every instance. One instance trains at a time: the
 * transaction's advisory lock turns the others away, and the count is read under it.
 */
export async function retrainIfDue(db: Db, options: { force?: boolean; every?: number } = {}): Promise<RetrainReport> {
  const every = options.every ?? retraining.every;
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(7262015) as ok`));
    if (!lock?.ok) return { trained: false, labelled: -1 };
    const [counts] = rowsOf<{ labelled: number; last: number | null }>(
      await tx.execute(sql`
        select (select count(*)::int from ${comments} where ${comments.status} in ('approved', 'spam', 'rejected')) as labelled,
               (select ${spamModels.labelled} from ${spamModels} order by ${spamModels.id} desc limit 1) as last`),
    );
    const labelled = Number(counts?.labelled ?? 0);
    const last = counts?.last === null || counts?.last === undefined ? null : Number(counts.last);
    if (!options.force && last !== null && labelled - last < every) return { trained: false, labelled };

    const read = (statuses: ("approved" | "spam" | "rejected")[]) =>
      tx
        .select({ body: comments.body, website: comments.authorWebsite })
        .from(comments)
        .where(inArray(comments.status, statuses))
        .orderBy(desc(comments.id))
        .limit(retraining.perClass);
    const [ham, spam] = await Promise.all([read(["approved"]), read(["spam", "rejected"])]);
    const text = (c: { body: string; website: string | null }) => [c.body, c.website ?? ""].filter(Boolean).join("\n");
    const examples: Example[] = [
      ...shippedExamples(),
      ...ham.map((c) => ({ text: text(c), label: "ham" as const })),
      ...spam.map((c) => ({ text: text(c), label: "spam" as const })),
    ];
    const model = train(examples);
    const [row] = await tx.insert(spamModels).values({ model, labelled }).returning({ id: spamModels.id });
    // Old models are kept only as far as a moderator might want to compare; the newest few do.
    await tx.execute(sql`delete from ${spamModels} where ${spamModels.id} < ${row!.id} - 5`);
    return { trained: true, labelled, modelId: row!.id };
  });
}
