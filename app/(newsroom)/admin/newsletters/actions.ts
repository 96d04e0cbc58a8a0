"use server";

import type { ActionState } from "@/lib/auth/action";
import { importWaitMs, runStaffAction } from "@/lib/auth/run-action";
import { mailSecret } from "@/lib/mail/config";
import { env } from "@/lib/env";
import { importSubscribers, saveNewsletter } from "@/lib/newsletters/actions";
import { getSiteSettings } from "@/lib/site/cached";

export async function saveNewsletterAction(_s: ActionState, formData: FormData) {
  return runStaffAction(saveNewsletter, formData);
}

export async function importSubscribersAction(_s: ActionState, formData: FormData) {
  const file = formData.get("file");
  // An uploaded file stands in for the pasted text.
  if (file instanceof File && file.size > 0) formData.set("csv", await file.text());
  formData.delete("file");
  const { siteName } = await getSiteSettings();
  return runStaffAction(importSubscribers({ secret: mailSecret(), siteUrl: env().SITE_URL, siteName }), formData, { waitMs: importWaitMs });
}
