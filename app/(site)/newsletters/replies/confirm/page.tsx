import type { Metadata } from "next";
import { mailSecret } from "@/lib/mail/config";
import { verifyToken } from "@/lib/mail/tokens";
import { replyStopPageUrl } from "@/lib/comments/reply-alerts";
import styles from "@/components/site/page.module.css";
import { confirmRepliesAction } from "../actions";

// Per request, always: the page holds a reader's token, and the build must not open the database.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Confirm reply alerts", robots: { index: false } };

export default async function ConfirmRepliesPage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token = "", done } = await searchParams;
  const verified = verifyToken(mailSecret(), "reply-confirm", token);
  if (!verified.ok) {
    return (
      <div className={styles.page}>
        <h1>{verified.reason === "expired" ? "This link has expired" : "This link is not valid"}</h1>
        <p>Tick “Notify me of replies by email” on your next comment: a new confirmation link will be sent to you.</p>
      </div>
    );
  }
  if (done) {
    const stop = replyStopPageUrl({ secret: mailSecret(), siteUrl: "" }, verified.claims);
    return (
      <div className={styles.page}>
        <h1>Reply alerts are on</h1>
        <p role="status">Thank you for confirming {verified.claims.email}. Replies to your comments will come to this address.</p>
        <p>
          <a href={stop}>Stop reply alerts</a>
        </p>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <h1>Confirm reply alerts</h1>
      <p>Confirm that {verified.claims.email} should be emailed when someone replies to a comment it asked alerts for.</p>
      <form action={confirmRepliesAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm reply alerts</button>
      </form>
    </div>
  );
}
