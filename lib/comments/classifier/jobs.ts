import { desc, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { comments, spamModels } from "@/db/schema";
import { trainInSlices, type Example } from "./model";
import { shippedExamples } from "./shipped";

export const retraining = {
  /** decisions (approved, spam or rejected comments) since the last model before the next training */
  every: 20,
  /** the newest comments of each kind that a training reads; older ones have taught what they can */
  perClass: 2000,
};

export type RetrainReport = { trained: boolean; labelled: number; modelId?: number };

type Counts = { labelled: number; last: number | null };

async function readCounts(db: Db): Promise<Counts> {
  const [counts] = rowsOf<{ labelled: number; last: number | null }>(
    await db.execute(sql`
      select (select count(*)::int from ${comments} where ${comments.status} in ('approved', 'spam', 'rejected')) as labelled,
             (select ${spamModels.labelled} from ${spamModels} order by ${spamModels.id} desc limit 1) as last`),
  );
  return { labelled: Number(counts?.labelled ?? 0), last: counts?.last === null || counts?.last === undefined ? null : Number(counts.last) };
}

const due = (c: Counts, every: number) => c.last === null || c.labelled - c.last >= every;

/**
 * Trains a new model on the shipped comments and the site's own decisions, approved comments
 * as ham, spam and rejected ones as spam, when enough decisions came in since the last model
 * (or there is none yet), and stores it for every instance. The training runs outside any
 * transaction and lets requests through between slices; the model is stored under an
 * advisory lock after the counts are read again, so that when two instances trained at once
 * only one model is kept.
 */
export async function retrainIfDue(db: Db, options: { force?: boolean; every?: number } = {}): Promise<RetrainReport> {
  const every = options.every ?? retraining.every;
  const before = await readCounts(db);
  if (!options.force && !due(before, every)) return { trained: false, labelled: before.labelled };

  const read = (statuses: ("approved" | "spam" | "rejected")[]) =>
    db
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
  const model = await trainInSlices(examples);

  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(7262015) as ok`));
    if (!lock?.ok) return { trained: false, labelled: -1 };
    const now = await readCounts(tx);
    // Another instance stored a model of these decisions meanwhile.
    if (now.last !== before.last && now.last !== null && now.last >= before.labelled) return { trained: false, labelled: now.labelled };
    const [row] = await tx.insert(spamModels).values({ model, labelled: before.labelled }).returning({ id: spamModels.id });
    // Old models are kept only as far as a moderator might want to compare; the newest few do.
    await tx.execute(sql`delete from ${spamModels} where ${spamModels.id} < ${row!.id} - 5`);
    return { trained: true, labelled: before.labelled, modelId: row!.id };
  });
}
