import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments, type CommentStatus } from "@/db/schema";
import { classifyComment } from "./classifier/store";
import { countCommentPost } from "./rate-limit";
import { queueReplyAlerts, type AlertSite } from "./reply-alerts";
import { checkForm, checkHistory, checkText, commentFingerprint, loadSpamContext, worstSeverity } from "./spam";

export const commentMessages = {
  body: "Please enter your comment!",
  name: "Please enter your name here",
  email: "You have entered an incorrect email address!",
  website: "Please enter a website address starting with http:// or https://, or leave it empty",
  awaiting: "Your comment is awaiting moderation.",
  published: "Thank you! Your comment has been published.",
  closed: "Comments are closed for this article.",
  missing: "This article can no longer be commented on.",
  rejected: "Your comment contains words that are not allowed here. Please rephrase it.",
  flood: "You have sent a lot of comments in a short time. Please wait a few minutes, then try again.",
  unavailable: "We could not save your comment just now. Please try again in a minute.",
} as const;

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

export const commentInput = z.object({
  articleId: z.coerce.number().int().positive(),
  parentId: optionalId,
  body: z
    .string()
    .trim()
    .min(2, commentMessages.body)
    .max(5000, "Please keep your comment under 5,000 characters"),
  name: z.string().trim().min(1, commentMessages.name).max(80, "Please keep your name under 80 characters"),
  email: z.string().trim().max(254, commentMessages.email).pipe(z.email(commentMessages.email)),
  website: z
    .string()
    .trim()
    .max(2000, commentMessages.website)
    .optional()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, error: commentMessages.website }).nullable()),
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional()
    .catch(undefined),
  /** the random key this browser keeps for its commenter (components/site/comment-form.tsx) */
  commenterKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{22,64}$/)
    .optional()
    .catch(undefined),
  /** "Notify me of replies by email": a ticked checkbox sends "1", an unticked one nothing */
  notifyReplies: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  /** the honeypot: hidden from people, so anything in it was typed by a script */
  subject: z
    .string()
    .optional()
    .transform((v) => v?.trim().slice(0, 200) || null),
  /** milliseconds between the form appearing and being sent, measured in the browser */
  elapsed: z
    .preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(2_147_483_647).optional())
    .catch(undefined),
});

/** What submitComment takes: the parsed form; callers other than the form may leave out the opt-in. */
export type CommentInput = Omit<z.infer<typeof commentInput>, "notifyReplies"> & { notifyReplies?: boolean };
export type CommentField = "body" | "name" | "email" | "website";

/**
 * Control bytes other than line breaks and tabs have no place in a comment or a name. Browsers
 * send a textarea's line breaks as CR LF; they are kept as LF alone.
 */
export function stripControls(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/** Kept hashed: a copy of the table must not let anyone post as its commenters. */
export function hashCommenterKey(key: string): string {
  return createHash("sha256").update(`commenter:${key}`).digest("base64url");
}

export type SubmitOutcome =
  | { ok: true; commentId: number; status: CommentStatus; articleId: number; reasons: string[] }
  | { ok: false; reason: "missing" | "closed" | "flood" | "unavailable" };

async function byIdempotencyKey(db: Db, key: string | undefined) {
  if (!key) return undefined;
  const [row] = await db
    .select({ id: comments.id, status: comments.status, articleId: comments.articleId, reasons: comments.spamReasons })
    .from(comments)
    .where(eq(comments.idempotencyKey, key));
  return row && { ok: true as const, commentId: row.id, status: row.status, articleId: row.articleId, reasons: row.reasons };
}

/**
 * Stores a reader's comment after the spam checks (lib/comments/spam.ts), each of which leaves
 * its reason on the row for the moderators. Moderated articles hold every comment; open ones
 * publish it at once when no check fired and the post carries the commenter key of an approved
 * comment by the same email: an email alone is anyone's to type, the key only its browser has.
 * A reply to a reply is attached to the top-level comment, since threads are one level deep.
 * The same form sent twice (the same idempotency key) makes one comment. A reply published at
 * once queues its parent's reply alert in the same transaction (lib/comments/reply-alerts.ts).
 */
export async function submitComment(
  db: Db,
  input: CommentInput,
  meta: { ipHash: string | null; userAgent: string | null; site?: AlertSite },
): Promise<SubmitOutcome> {
  const resent = await byIdempotencyKey(db, input.idempotencyKey);
  if (resent) return resent;

  const [article] = await db
    .select({ id: articles.id, commentMode: articles.commentMode })
    .from(articles)
    .where(and(eq(articles.id, input.articleId), eq(articles.status, "published")));
  if (!article) return { ok: false, reason: "missing" };
  if (article.commentMode === "closed") return { ok: false, reason: "closed" };

  // Counted first, so that a flood is turned away before it costs any further queries.
  const rate = await countCommentPost(db, { ipHash: meta.ipHash, email: input.email });
  if (rate.unavailable) return { ok: false, reason: "unavailable" };
  if (rate.refused) return { ok: false, reason: "flood" };

  const body = stripControls(input.body);
  const name = stripControls(input.name);
  let parentId: number | null = null;
  if (input.parentId !== null) {
    const [parent] = await db
      .select({ id: comments.id, parentId: comments.parentId })
      .from(comments)
      .where(and(eq(comments.id, input.parentId), eq(comments.articleId, article.id), eq(comments.status, "approved")));
    parentId = parent ? (parent.parentId ?? parent.id) : null;
  }

  const fingerprint = commentFingerprint(body);
  const context = await loadSpamContext(db, { articleId: article.id, email: input.email, ipHash: meta.ipHash, fingerprint });
  const findings = [
    ...checkForm({ honeypot: input.subject, elapsedMs: input.elapsed ?? null }),
    ...checkText({ body, name, website: input.website }, context.wordLists),
    ...rate.findings,
    ...checkHistory(context),
    ...(await classifyComment(db, { body, name, website: input.website })),
  ];
  const severity = worstSeverity(findings);

  let status: CommentStatus = severity === "reject" ? "rejected" : severity === "spam" ? "spam" : "pending";
  const commenterKeyHash = input.commenterKey ? hashCommenterKey(input.commenterKey) : null;
  if (severity === null && article.commentMode === "open" && commenterKeyHash) {
    const [known] = await db
      .select({ id: comments.id })
      .from(comments)
      .where(
        and(
          sql`lower(${comments.authorEmail}) = lower(${input.email})`,
          eq(comments.status, "approved"),
          eq(comments.commenterKeyHash, commenterKeyHash),
        ),
      )
      .limit(1);
    if (known) status = "approved";
  }

  const reasons = findings.map((f) => f.reason);
  const store = async (tx: Db) => {
    const [inserted] = await tx
      .insert(comments)
      .values({
        articleId: article.id,
        parentId,
        authorName: name,
        authorEmail: input.email,
        authorWebsite: input.website,
        body,
        status,
        spamReasons: reasons,
        ipHash: meta.ipHash,
        userAgent: meta.userAgent?.slice(0, 500) ?? null,
        idempotencyKey: input.idempotencyKey ?? null,
        fingerprint,
        commenterKeyHash,
        notifyReplies: input.notifyReplies ?? false,
      })
      .onConflictDoNothing({ target: comments.idempotencyKey })
      .returning({ id: comments.id, status: comments.status });
    if (inserted && inserted.status === "approved" && parentId !== null) await queueReplyAlerts(tx, [inserted.id], meta.site);
    return inserted;
  };
  const inserted = status === "approved" && parentId !== null ? await db.transaction(store) : await store(db);
  if (inserted) return { ok: true, commentId: inserted.id, status: inserted.status, articleId: article.id, reasons };

  // The same form arrived twice at once and the other copy was stored first: answer with it.
  return (await byIdempotencyKey(db, input.idempotencyKey))!;
}
