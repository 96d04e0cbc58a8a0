"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/auth/action";
import { runStaffAction } from "@/lib/auth/run-action";
import { saveFooterPages, savePage } from "@/lib/pages/actions";

export async function savePageAction(_s: ActionState, formData: FormData) {
  const state = await runStaffAction(savePage, formData);
  if (state.ok && state.redirectTo) redirect(state.redirectTo);
  return state;
}

export async function saveFooterPagesAction(_s: ActionState, formData: FormData) {
  return runStaffAction(saveFooterPages, formData);
}
