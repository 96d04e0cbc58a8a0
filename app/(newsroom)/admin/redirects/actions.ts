"use server";

import type { ActionState } from "@/lib/auth/action";
import { runStaffAction } from "@/lib/auth/run-action";
import { addRedirect, deleteRedirect } from "@/lib/redirects/actions";

export async function addRedirectAction(_s: ActionState, formData: FormData) {
  return runStaffAction(addRedirect, formData);
}
export async function deleteRedirectAction(_s: ActionState, formData: FormData) {
  return runStaffAction(deleteRedirect, formData);
}
