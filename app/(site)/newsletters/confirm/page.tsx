import type { Metadata } from "next";
import { verifyToken } from "@/lib/mail/tokens";
import { mailSecret } from "@/lib/mail/config";
import { manageUrl } from "@/lib/newsletters/links";
import { env } from "@/lib/env";
import styles from "@/components/site/page.module.css";
import { confirmAction } from "../actions";

// Per request, always: the page holds a reader's token, and the build must not open the database.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<{ token?: string; done?: string }> }) {
  const { token = "", done } = await searchParams;
  const verified = verifyToken(mailSecret(), "confirm", token);
  if (!verified.ok) {
    return (
      <div className={styles.page}>
        <h1>{verified.reason === "expired" ? "This link has expired" : "This link is not valid"}</h1>
        <p>Please sign up again from any page of the site: a new confirmation link will be sent to you.</p>
      </div>
    );
  }
  if (done) {
    const manage = manageUrl({ secret: mailSecret(), siteUrl: env().SITE_URL }, { sub: verified.claims.sub, email: verified.claims.email });
    return (
      <div className={styles.page}>
        <h1>You are subscribed</h1>
        <p role="status">Thank you for confirming {verified.claims.email}. The next issue will come to this address.</p>
        <p>
          <a href={manage.replace(env().SITE_URL, "")}>Manage your newsletters</a>
        </p>
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <h1>Confirm your subscription</h1>
      <p>Confirm that {verified.claims.email} should receive our newsletters.</p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit">Confirm subscription</button>
      </form>
    </div>
  );
}
