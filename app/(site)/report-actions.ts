"use server";

import * as comments from "@/lib/comments/actions";
import type { ReportFormState as FormState } from "@/lib/comments/input";

export type ReportFormState = FormState;

// Kept apart from ./actions.ts (the comment form's) so the two forms' bundles stay apart.

/** A reader's report on a comment (lib/comments/actions.ts). */
export async function reportCommentAction(previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  return comments.reportCommentAction(previous, formData);
}
