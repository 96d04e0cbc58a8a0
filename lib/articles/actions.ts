import type { Db } from "@/db/client";
import { staffAction } from "@/lib/auth/action";
import { articleInput, bodyImageInput, correctionInput, restoreInput, type Intent } from "./input";
import { uploadImage } from "./body-images";
import * as history from "./revisions";
import { saveArticle } from "./save";

// The newsroom's article actions, each authorized on its own through staffAction. What they
// do is in ./save.ts (the editor's buttons), ./revisions.ts (restore, corrections) and
// ./body-images.ts.

/** The editor's five buttons, one staff action each, so that each is authorized on its own. */
export function editorActions(getTimeZone: (db: Db) => Promise<string>) {
  const make = (intent: Intent, permission: "article.write" | "article.publish") =>
    staffAction(permission, articleInput, async (input, ctx, raw) => saveArticle(intent, input, ctx, raw, await getTimeZone(ctx.db)));
  const buttons = {
    draft: make("draft", "article.write"),
    review: make("review", "article.write"),
    publish: make("publish", "article.publish"),
    schedule: make("schedule", "article.publish"),
    unpublish: make("unpublish", "article.publish"),
  } satisfies Record<Intent, unknown>;
  // The editor saves a draft as it is written: a draft save that stays on the page.
  const autosave = staffAction("article.write", articleInput, async (input, ctx, raw) =>
    saveArticle("draft", input, ctx, raw, await getTimeZone(ctx.db), { autosave: true }),
  );
  return { ...buttons, autosave };
}

export const addCorrection = staffAction("article.publish", correctionInput, history.addCorrection);

export const restoreRevision = staffAction("article.edit-any", restoreInput, history.restoreRevision);

/**
 * An image pasted or dropped into an article's body, stored like a hero image. It is for the
 * article's own staff: a writer may add images only to their own draft.
 */
export const uploadBodyImage = staffAction("article.write", bodyImageInput, uploadImage);
