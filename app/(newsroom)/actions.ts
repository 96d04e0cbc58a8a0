"use server";

import { redirect } from "next/navigation";
import { renderMarkdown } from "@/lib/markdown";
import { addCorrection, editorActions, restoreRevision, uploadBodyImage } from "@/lib/articles/actions";
import { intents, type Intent } from "@/lib/articles/input";
import type { ActionState } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { runStaffAction } from "@/lib/auth/run-action";
import { currentStaff } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/site/cached";

const editor = editorActions(async () => (await getSiteSettings()).timeZone);

/** The article editor's form: the clicked button's `intent` picks the action and its role. */
export async function saveArticleAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const intent = formData.get("intent");
  if (typeof intent !== "string" || !(intents as readonly string[]).includes(intent)) {
    return { ok: false, message: "Unknown action." };
  }
  const state = await runStaffAction(editor[intent as Intent], formData);
  // Reload the saved article at an address that carries the confirmation (works without JS too).
  if (state.ok && state.redirectTo) redirect(state.redirectTo);
  return state;
}

/** The editor's autosave: a draft save that answers in place (no redirect, no remount). */
export async function autosaveArticleAction(formData: FormData): Promise<ActionState> {
  const { values: _values, ...state } = await runStaffAction(editor.autosave, formData);
  return state;
}

/** An image pasted or dropped into the body: stored, and its address returned for the Markdown. */
export async function uploadBodyImageAction(formData: FormData): Promise<ActionState> {
  const { values: _values, ...state } = await runStaffAction(uploadBodyImage, formData);
  return state;
}

export async function addCorrectionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runStaffAction(addCorrection, formData);
}

export async function restoreRevisionAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return runStaffAction(restoreRevision, formData);
}

/** The editor's live Preview: the same renderer as the public page, for staff who write. */
export async function previewMarkdownAction(body: string): Promise<string> {
  const staff = await currentStaff();
  if (!can(staff?.role, "article.write") || typeof body !== "string") return "";
  return renderMarkdown(body.slice(0, 200_000));
}
