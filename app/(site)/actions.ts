"use server";

import * as comments from "@/lib/comments/actions";
import type { CommentFormState as FormState } from "@/lib/comments/input";

export type CommentFormState = FormState;

/** The LEAVE A REPLY form's action (lib/comments/actions.ts). */
export async function postComment(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return comments.postComment(previous, formData);
}
