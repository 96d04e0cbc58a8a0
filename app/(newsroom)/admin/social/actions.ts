"use server";

import { confirmSocialDrop, deleteSocialAccount, refreshNowAction, saveSocialAccount } from "@/lib/social/actions";
import { providerConfig } from "@/lib/social/config";
import type { ActionState } from "@/lib/auth/action";
import { runStaffAction } from "@/lib/auth/run-action";

const refreshNow = refreshNowAction(providerConfig);

export async function saveSocialAccountAction(_s: ActionState, formData: FormData) {
  return runStaffAction(saveSocialAccount, formData);
}
export async function deleteSocialAccountAction(_s: ActionState, formData: FormData) {
  return runStaffAction(deleteSocialAccount, formData);
}
export async function confirmSocialDropAction(_s: ActionState, formData: FormData) {
  return runStaffAction(confirmSocialDrop, formData);
}
export async function refreshSocialNowAction(_s: ActionState, formData: FormData) {
  return runStaffAction(refreshNow, formData);
}
