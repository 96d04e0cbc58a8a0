import { getPrimaryDb } from "@/db/client";
import { stopReplyAlerts } from "@/lib/comments/reply-alerts";
import { mailSecret } from "@/lib/mail/config";

// The List-Unsubscribe URL of every reply alert. RFC 8058: the mail client POSTs
// `List-Unsubscribe=One-Click` here and alerts stop, with no page and no cookie. A GET (a
// person pasting the link, or a scanner following it) only shows the page with the button.

const text = { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" };

export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const outcome = await stopReplyAlerts(await getPrimaryDb(), mailSecret(), token.slice(0, 2000));
  if (!outcome.ok) {
    return new Response(outcome.reason === "expired" ? "This link has expired.\n" : "This link is not valid.\n", { status: 400, headers: text });
  }
  return new Response("Reply alerts are off.\n", { status: 200, headers: text });
}

export async function GET(request: Request) {
  const url = new URL(request.url);
  const target = `/newsletters/replies?token=${encodeURIComponent(url.searchParams.get("token") ?? "")}`;
  return new Response(null, { status: 303, headers: { "cache-control": "no-store", location: target } });
}
