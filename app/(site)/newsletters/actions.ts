"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getPrimaryDb, inBackground } from "@/db/client";
import { mailSecret, mailer } from "@/lib/mail/config";
import { drainMailQueue } from "@/lib/mail/queue";
import { verifyToken } from "@/lib/mail/tokens";
import { env } from "@/lib/env";
import { manageInput, subscribeInput } from "@/lib/newsletters/input";
import { confirmSubscription, requestSubscription, setSubscriptions } from "@/lib/newsletters/subscriptions";
import { getSiteSettings } from "@/lib/site/cached";
import { clientIpHash } from "@/lib/request";

export type SignupState = {
  ok: boolean;
  message?: string;
  errors?: { email?: string[]; lists?: string[] };
  values?: { email: string; lists: string[] };
};

const signupMessages = {
  sent: "Thank you. Please check your inbox: we have sent a link to confirm your subscription.",
  busy: "Too many signups from your connection. Please try again in an hour.",
  invalid: "Please correct the highlighted fields.",
} as const;

/** Sends queued mail (the confirmation) right after the response, not during it. */
function sendSoon() {
  after(() => inBackground(async () => drainMailQueue(await getPrimaryDb(), mailer())).catch((error) => console.error("Mail queue:", error)));
}

/** The signup form's action. Anyone may call it; it answers alike whatever the address's state. */
export async function subscribeAction(_previous: SignupState, formData: FormData): Promise<SignupState> {
  const values = {
    email: String(formData.get("email") ?? "").slice(0, 300),
    lists: formData.getAll("lists").map(String).slice(0, 50),
  };
  const parsed = subscribeInput.safeParse({ email: values.email, lists: values.lists, source: formData.get("source") ?? "home" });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, message: signupMessages.invalid, errors: { email: fields.email, lists: fields.lists }, values };
  }
  const db = await getPrimaryDb();
  const settings = await getSiteSettings();
  const outcome = await requestSubscription(
    db,
    { secret: mailSecret(), siteUrl: env().SITE_URL, siteName: settings.siteName },
    parsed.data,
    { ipHash: clientIpHash(await headers()) },
  );
  if (!outcome.ok) {
    if (outcome.reason === "no-lists") return { ok: false, message: signupMessages.invalid, errors: { lists: ["Please choose at least one newsletter"] }, values };
    return { ok: false, message: signupMessages.busy, values };
  }
  sendSoon();
  return { ok: true, message: signupMessages.sent, values: { email: "", lists: values.lists } };
}

/** The confirmation page's button (a button, not the link alone: mail scanners follow links). */
export async function confirmAction(formData: FormData) {
  const token = String(formData.get("token") ?? "");
  const outcome = await confirmSubscription(await getPrimaryDb(), mailSecret(), token);
  redirect(outcome.ok ? `/newsletters/confirm?done=1&token=${encodeURIComponent(token)}` : `/newsletters/confirm?token=${encodeURIComponent(token)}`);
}

export type ManageState = { ok: boolean; message?: string };

/** The manage page: save the chosen lists, or leave altogether. The token is the permission. */
export async function manageAction(_previous: ManageState, formData: FormData): Promise<ManageState> {
  const parsed = manageInput.safeParse({ token: formData.get("token"), lists: formData.getAll("lists").map(String), intent: formData.get("intent") ?? "save" });
  if (!parsed.success) return { ok: false, message: "That link is not valid. Please use the link in your latest email." };
  const verified = verifyToken(mailSecret(), "manage", parsed.data.token);
  if (!verified.ok) return { ok: false, message: verified.reason === "expired" ? "That link has expired. Please use the link in your latest email." : "That link is not valid. Please use the link in your latest email." };
  const result = await setSubscriptions(await getPrimaryDb(), verified.claims.email, parsed.data.intent === "unsubscribe" ? [] : parsed.data.lists);
  if (result === "unknown") return { ok: true, message: "This address is not subscribed to anything." };
  return { ok: true, message: result === "unsubscribed" ? "You are unsubscribed. We will not email you again." : "Your choices are saved." };
}
