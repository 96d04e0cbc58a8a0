"use server";

import { createSection, createUser, moveSection, saveSettings, setActive, setRole, signOutEverywhere, updateSection } from "@/lib/admin/actions";
import type { ActionState } from "@/lib/auth/action";
import { runStaffAction } from "@/lib/auth/run-action";

export async function createUserAction(_s: ActionState, formData: FormData) {
  return runStaffAction(createUser, formData);
}
export async function setRoleAction(_s: ActionState, formData: FormData) {
  return runStaffAction(setRole, formData);
}
export async function setActiveAction(_s: ActionState, formData: FormData) {
  return runStaffAction(setActive, formData);
}
export async function signOutEverywhereAction(_s: ActionState, formData: FormData) {
  return runStaffAction(signOutEverywhere, formData);
}
export async function createSectionAction(_s: ActionState, formData: FormData) {
  return runStaffAction(createSection, formData);
}
export async function updateSectionAction(_s: ActionState, formData: FormData) {
  return runStaffAction(updateSection, formData);
}
export async function moveSectionAction(_s: ActionState, formData: FormData) {
  return runStaffAction(moveSection, formData);
}
export async function saveSettingsAction(_s: ActionState, formData: FormData) {
  return runStaffAction(saveSettings, formData);
}
