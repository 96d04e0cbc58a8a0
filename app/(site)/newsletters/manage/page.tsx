import type { Metadata } from "next";
import { getPrimaryDb } from "@/db/client";
import { mailSecret } from "@/lib/mail/config";
import { verifyToken } from "@/lib/mail/tokens";
import { getManageView } from "@/lib/newsletters/subscriptions";
import styles from "@/components/site/page.module.css";
import { ManageForm } from "./manage-form";

// Per request, always: the page holds a reader's token, and the build must not open the database.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your newsletters", robots: { index: false } };

export default async function ManagePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token = "" } = await searchParams;
  const verified = verifyToken(mailSecret(), "manage", token);
  if (!verified.ok) {
    return (
      <div className={styles.page}>
        <h1>{verified.reason === "expired" ? "This link has expired" : "This link is not valid"}</h1>
        <p>Please use the link at the foot of your latest newsletter.</p>
      </div>
    );
  }
  const view = await getManageView(await getPrimaryDb(), verified.claims.email);
  return (
    <div className={styles.page}>
      <h1>Your newsletters</h1>
      {view ? (
        <>
          <p>Choose what {view.email} receives, or leave altogether.</p>
          <ManageForm token={token} lists={view.lists} />
        </>
      ) : (
        <p role="status">{verified.claims.email} is not subscribed to anything. Nothing will be sent to it.</p>
      )}
    </div>
  );
}
