import { getPrimaryDb } from "@/db/client";
import { mailSecret } from "@/lib/mail/config";
import { signToken, verifyToken } from "@/lib/mail/tokens";
import { unsubscribeWithToken } from "@/lib/newsletters/subscriptions";

// The List-Unsubscribe URL of every email. RFC 8058: the mail client POSTs
// `List-Unsubscribe=One-Click` here and the reader is gone, no page, no cookie, no second step.
// A GET (a person pasting the link, or a scanner following it) only shows the manage page:
// nothing that fetches links may unsubscribe anyone.

const noStore = { "cache-control": "no-store" };

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const outcome = await unsubscribeWithToken(await getPrimaryDb(), mailSecret(), token);
  if (outcome !== "unsubscribed") {
    return new Response(outcome === "expired" ? "This unsubscribe link has expired.\n" : "This unsubscribe link is not valid.\n", { status: 400, headers: { ...noStore, "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response("You are unsubscribed.\n", { status: 200, headers: { ...noStore, "content-type": "text/plain; charset=utf-8" } });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const verified = verifyToken(mailSecret(), "unsubscribe", url.searchParams.get("token") ?? "");
  const target = new URL("/newsletters/manage", url);
  if (verified.ok) target.searchParams.set("token", signToken(mailSecret(), "manage", verified.claims));
  return new Response(null, { status: 303, headers: { ...noStore, location: `${target.pathname}${target.search}` } });
}
