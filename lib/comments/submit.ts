import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articles, comments } from "@/db/schema";

export const commentMessages = {
  body: "Please enter your comment!",
  name: "Please enter your name here",
  email: "You have entered an incorrect email address!",
  website: "Please enter a website address starting with http:// or https://, or leave it empty",
  awaiting: "Your comment is awaiting moderation.",
  published: "Thank you! Your comment has been published.",
  closed: "Comments are closed for this article.",
  missing: "This article can no longer be commented on.",
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
});

export type CommentInput = z.infer<typeof commentInput>;
export type CommentField = "body" | "name" | "email" | "website";

/** Control bytes other than line breaks and tabs have no place in a comment or a name. */
export function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

export function hashIp(ip: string, secret: string): string {
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("base64url");
}

export type SubmitOutcome =
  | { ok: true; commentId: number; status: "pending" | "approved"; articleId: number }
  | { ok: false; reason: "missing" | "closed" };

/**
 * Stores a reader's comment. Moderated articles hold every comment; open ones publish it at
 * once when the same email already has an approved comment. A reply to a reply is attached
 * to the top-level comment, since threads are one level deep.
 */
export async function submitComment(
  db: Db,
  input: CommentInput,
  meta: { ipHash: string | null; userAgent: string | null },
): Promise<SubmitOutcome> {
  const [article] = await db
    .select({ id: articles.id, commentMode: articles.commentMode })
    .from(articles)
    .where(and(eq(articles.id, input.articleId), eq(articles.status, "published")));
  if (!article) return { ok: false, reason: "missing" };
  if (article.commentMode === "closed") return { ok: false, reason: "closed" };

  let parentId: number | null = null;
  if (input.parentId !== null) {
    const [parent] = await db
      .select({ id: comments.id, parentId: comments.parentId })
      .from(comments)
      .where(and(eq(comments.id, input.parentId), eq(comments.articleId, article.id), eq(comments.status, "approved")));
    parentId = parent ? (parent.parentId ?? parent.id) : null;
  }

  let status: "pending" | "approved" = "pending";
  if (article.commentMode === "open") {
    const [known] = await db
      .select({ id: comments.id })
      .from(comments)
      .where(and(sql`lower(${comments.authorEmail}) = lower(${input.email})`, eq(comments.status, "approved")))
      .limit(1);
    if (known) status = "approved";
  }

  const [inserted] = await db
    .insert(comments)
    .values({
      articleId: article.id,
      parentId,
      authorName: stripControls(input.name),
      authorEmail: input.email,
      authorWebsite: input.website,
      body: stripControls(input.body),
      status,
      ipHash: meta.ipHash,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
    })
    .onConflictDoNothing({ target: comments.idempotencyKey })
    .returning({ id: comments.id, status: comments.status });
  if (inserted) return { ok: true, commentId: inserted.id, status: inserted.status as "pending" | "approved", articleId: article.id };

  // The same form was sent twice: answer with the comment the first send made.
  const [existing] = await db
    .select({ id: comments.id, status: comments.status })
    .from(comments)
    .where(eq(comments.idempotencyKey, input.idempotencyKey!));
  return {
    ok: true,
    commentId: existing!.id,
    status: existing!.status === "approved" ? "approved" : "pending",
    articleId: article.id,
  };
}
