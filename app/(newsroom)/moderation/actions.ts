"use server";

import { refresh } from "next/cache";
import type { ActionState } from "@/lib/auth/action";
import { runStaffAction } from "@/lib/auth/run-action";
import { banCommenter, keepReportedComment, moderateComments, saveWordList, unbanCommenter } from "@/lib/moderation/actions";
import { sendQueuedMailSoon } from "@/lib/mail/send-soon";

async function run(...args: Parameters<typeof runStaffAction>): Promise<ActionState> {
  const state = await runStaffAction(...args);
  // The queue and its counts are rendered per request: show them as they are now.
  if (state.ok) refresh();
  return state;
}

/**
 * The queue's forms, single and bulk: the pressed button's `decision` picks the action.
 * Each action checks the caller's role itself.
 */
export async function moderateAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (formData.get("decision") === "ban") {
    const ids = formData.getAll("ids");
    return run(banCommenter, { commentId: ids.length === 1 ? ids[0] : "", reason: formData.get("reason") ?? "" });
  }
  const state = await run(moderateComments, formData);
  // An approved reply may have queued a reply alert.
  if (state.ok && formData.get("decision") === "approve") sendQueuedMailSoon();
  return state;
}

export async function unbanAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(unbanCommenter, formData);
}

export async function saveWordListAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return run(saveWordList, formData);
}

/** The Reported queue's buttons: Keep settles the reports; Reject and Spam decide as anywhere. */
export async function reportedAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  if (formData.get("decision") === "keep") return run(keepReportedComment, { id: formData.get("ids") ?? "" });
  return run(moderateComments, formData);
}
