import type { Metadata } from "next";
import { getPrimaryDb } from "@/db/client";
import { replyAlertsActive } from "@/lib/comments/reply-alerts";
import { mailSecret } from "@/lib/mail/config";
import { verifyToken } from "@/lib/mail/tokens";
import styles from "@/components/site/page.module.css";
import { stopRepliesAction } from "./actions";

// Per request, always: the page holds a reader's token, and the build must not open the database.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Reply alerts", robots: { index: false } };

/** The "Stop reply alerts" link of every reply alert: a page with a button, so a GET stops nothing. */
export default async function ReplyAlertsPage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token = "", done } = await searchParams;
  const verified = verifyToken(mailSecret(), "reply-stop", token);
  if (!verified.ok) {
    return (
      <div className={styles.page}>
        <h1>{verified.reason === "expired" ? "This link has expired" : "This link is not valid"}</h1>
        <p>Please use the link in your latest reply alert.</p>
      </div>
    );
  }
  if (done) {
    return (
      <div className={styles.page}>
        <h1>Reply alerts are off</h1>
        <p role="status">We will not email {verified.claims.email} about replies again.</p>
      </div>
    );
  }
  const active = await replyAlertsActive(await getPrimaryDb(), verified.claims.email);
  return (
    <div className={styles.page}>
      <h1>Reply alerts</h1>
      <p>
        {active
          ? `Replies to comments posted with ${verified.claims.email} are emailed to it.`
          : `Reply alerts are not on for ${verified.claims.email}. Stop them, and no reply to a comment posted with it so far will be emailed.`}
      </p>
      <form action={stopRepliesAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Stop reply alerts</button>
      </form>
    </div>
  );
}
