import { z } from "zod";
import { reportReasons } from "@/db/schema";

// What the reader's comment and report forms accept, and what they say back. Plain (no
// server-only): end-to-end specs use stripControls to type what the form keeps.

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

export type CommentFormState = {
  ok: boolean;
  message?: string;
  errors?: Partial<Record<CommentField, string[]>>;
  values?: Partial<Record<CommentField | "notifyReplies", string>>;
  /** the commenter's own comment, shown to them alone while it waits */
  posted?: { id: number; name: string; body: string; status: "pending" | "approved"; parentId: number | null };
  /**
   * After an outage the comment may have been stored anyway: the form sends it again with this
   * same key, so that it is stored once.
   */
  idempotencyKey?: string;
};

export const reportMessages = {
  thanks: "Thank you, a moderator will look at it.",
  reason: "Please choose why you are reporting this comment",
  note: "Please keep the note under 500 characters",
  flood: "You have sent a lot of reports in a short time. Please try again later.",
  missing: "This comment is no longer shown.",
} as const;

export const reportInput = z.object({
  commentId: z.coerce.number().int().positive().max(2_147_483_647),
  reason: z.enum(reportReasons, { error: reportMessages.reason }),
  note: z
    .string()
    .optional()
    .transform((v) => stripControls(v ?? "").trim())
    .pipe(z.string().max(500, reportMessages.note)),
});
export type ReportInput = z.infer<typeof reportInput>;

export type ReportFormState = {
  ok: boolean;
  message?: string;
  errors?: Partial<Record<"reason" | "note", string[]>>;
  values?: { reason?: string; note?: string };
};
