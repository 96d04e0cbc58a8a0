"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getPrimaryDb } from "@/db/client";
import { withDeadline } from "@/db/deadline";
import { expireAfterWrite, expireFromBackground } from "@/lib/cache/expire";
import { env } from "@/lib/env";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { commentInput, commentMessages, stripControls, submitComment, type CommentField } from "@/lib/comments/submit";
import { sendQueuedMailSoon } from "@/lib/mail/send-soon";
import { clientIpHash } from "@/lib/request";

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

const fields = ["articleId", "parentId", "body", "name", "email", "website", "idempotencyKey", "commenterKey", "subject", "elapsed", "notifyReplies"] as const;

/** The LEAVE A REPLY form's action. Anyone may call it; it validates everything it is sent. */
export async function postComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const raw = Object.fromEntries(
    fields.map((k) => [k, typeof formData.get(k) === "string" ? (formData.get(k) as string) : undefined]),
  );
  // Typed text comes back as typed, less control bytes: a NUL in a field's value is invisible
  // and cannot be selected, so the reader could never delete it.
  const values = {
    body: stripControls(raw.body ?? ""),
    name: stripControls(raw.name ?? ""),
    email: stripControls(raw.email ?? ""),
    website: stripControls(raw.website ?? ""),
    notifyReplies: raw.notifyReplies === "1" ? "1" : "",
  };
  const parsed = commentInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      ok: false,
      message: "Please correct the highlighted fields.",
      errors: { body: fieldErrors.body, name: fieldErrors.name, email: fieldErrors.email, website: fieldErrors.website },
      values,
    };
  }
  const h = await headers();
  let outcome: Awaited<ReturnType<typeof submitComment>>;
  // Past the deadline the comment may still be stored and published: its pages are then
  // expired from the background, since this request has been answered.
  let answered = false;
  try {
    // A bounded wait: an outage answers with the form as typed, never with Next.js's error page
    // and never after the reader has given up.
    outcome = await withDeadline(async () => {
      const db = await getPrimaryDb();
      const submitted = await submitComment(db, parsed.data, { ipHash: clientIpHash(h), userAgent: h.get("user-agent") });
      if (submitted.ok && submitted.status === "approved") {
        // Published at once: the article and every list that shows its comment count change.
        const changed = await getArticlePageTags(db, submitted.articleId);
        await (answered ? expireFromBackground(changed) : expireAfterWrite(changed));
        // A reply published at once may have queued its parent's reply alert.
        if (parsed.data.parentId !== null) sendQueuedMailSoon();
      }
      return submitted;
    }, env().DATABASE_TIMEOUT_MS);
  } catch (error) {
    answered = true;
    console.error("A comment could not be saved:", error);
    return { ok: false, message: commentMessages.unavailable, values, idempotencyKey: parsed.data.idempotencyKey };
  }
  if (!outcome.ok) {
    const idempotencyKey = outcome.reason === "unavailable" ? parsed.data.idempotencyKey : undefined;
    return { ok: false, message: commentMessages[outcome.reason], values, idempotencyKey };
  }
  if (outcome.status === "rejected") {
    return { ok: false, message: commentMessages.rejected, errors: { body: [commentMessages.rejected] }, values };
  }
  // Spam is filed away quietly: telling a script which check caught it would teach it.
  const status = outcome.status === "approved" ? "approved" : "pending";
  return {
    ok: true,
    message: status === "approved" ? commentMessages.published : commentMessages.awaiting,
    values: { name: values.name, email: values.email, website: values.website },
    posted: {
      id: outcome.commentId,
      name: stripControls(parsed.data.name),
      body: stripControls(parsed.data.body),
      status,
      parentId: parsed.data.parentId,
    },
  };
}
