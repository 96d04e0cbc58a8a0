"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrimaryDb } from "@/db/client";
import { confirmReplyAlerts, stopReplyAlerts } from "@/lib/comments/reply-alerts";
import { mailSecret } from "@/lib/mail/config";

// The buttons of the reply-alert pages. The signed token in the form is the permission: these
// pages are reached from an email, by someone with no account.

const tokenInput = z.object({ token: z.string().trim().min(1).max(2000) });

const back = (path: string, token: string, done: boolean) => `${path}?${done ? "done=1&" : ""}token=${encodeURIComponent(token)}`;

/** Confirms reply alerts: a button on a page, since mail scanners follow the links in mail. */
export async function confirmRepliesAction(formData: FormData) {
  const parsed = tokenInput.safeParse({ token: formData.get("token") ?? "" });
  const token = parsed.success ? parsed.data.token : "";
  const outcome = parsed.success ? await confirmReplyAlerts(await getPrimaryDb(), mailSecret(), token) : null;
  redirect(back("/newsletters/replies/confirm", token, !!outcome?.ok));
}

/** Stops reply alerts to the token's address. */
export async function stopRepliesAction(formData: FormData) {
  const parsed = tokenInput.safeParse({ token: formData.get("token") ?? "" });
  const token = parsed.success ? parsed.data.token : "";
  const outcome = parsed.success ? await stopReplyAlerts(await getPrimaryDb(), mailSecret(), token) : null;
  redirect(back("/newsletters/replies", token, !!outcome?.ok));
}
