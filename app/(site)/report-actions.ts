"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getPrimaryDb } from "@/db/client";
import { getArticlePageTags } from "@/lib/cache/invalidation";
import { reportComment, reportInput, reportMessages } from "@/lib/comments/reports";
import { clientIpHash } from "@/lib/request";
import { revalidate } from "@/lib/scheduler";

export type ReportFormState = {
  ok: boolean;
  message?: string;
  errors?: Partial<Record<"reason" | "note", string[]>>;
  values?: { reason?: string; note?: string };
};

// Kept apart from ./actions.ts (the comment form's) so the two forms' bundles stay apart.

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
    await revalidate([...new Set(await getArticlePageTags(db, outcome.articleId))]).catch((error) =>
      console.error("Expiring the pages of a reported comment failed:", error),
    );
  }
  return { ok: true, message: reportMessages.thanks };
}
