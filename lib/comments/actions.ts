import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { getPrimaryDb } from "@/db/client";
import { withDeadline } from "@/db/deadline";
import { expireAfterWrite, expireFromBackground } from "@/lib/cache/expire";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { env } from "@/lib/env";
import { sendQueuedMailSoon } from "@/lib/mail/send-soon";
import { clientIpHash } from "@/lib/request";
import { commentInput, commentMessages, reportInput, reportMessages, stripControls, type CommentFormState, type ReportFormState } from "./input";
import { reportComment } from "./reports";
import { submitComment } from "./submit";

// The readers' actions: the LEAVE A REPLY form and the Report button. They are public, so they
// take no staff wrapper; each validates everything it is sent. The forms import them through
// the "use server" entry points app/(site)/actions.ts and app/(site)/report-actions.ts.

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

/**
 * A reader's report on a comment. Anyone may call it; it validates what it is sent. The
 * reporter's page is not re-rendered: only the report that takes a comment down expires the
 * article's pages, for everyone.
 */
export async function reportCommentAction(_previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const raw = {
    commentId: formData.get("commentId"),
    reason: formData.get("reason") ?? undefined,
    note: typeof formData.get("note") === "string" ? (formData.get("note") as string) : "",
  };
  const values = { reason: typeof raw.reason === "string" ? raw.reason : undefined, note: raw.note };
  const parsed = reportInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, message: "Please correct the highlighted fields.", errors: { reason: fieldErrors.reason, note: fieldErrors.note }, values };
  }
  const db = await getPrimaryDb();
  const outcome = await reportComment(db, parsed.data, { ipHash: clientIpHash(await headers()) });
  if (!outcome.ok) return { ok: false, message: reportMessages[outcome.reason], values };
  if (outcome.hidden) {
    // Through the internal endpoint rather than revalidateTag here: an action that expires
    // tags re-renders its own page for the caller, and the reporter's page is not to change.
    // Should it fail, the comment is already off the page at the article's next render.
    await expireFromBackground([...new Set(await getArticlePageTags(db, outcome.articleId))]).catch((error) =>
      console.error("Expiring the pages of a reported comment failed:", error),
    );
  }
  return { ok: true, message: reportMessages.thanks };
}
