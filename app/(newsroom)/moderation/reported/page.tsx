import type { Metadata } from "next";
import Link from "next/link";
import { ReportedQueue } from "@/components/newsroom/reported-queue";
import styles from "@/components/newsroom/moderation.module.css";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listReportedComments, reportedPageSize } from "@/lib/moderation/queries";
import { getSiteSettings } from "@/lib/site/cached";
import { reportedAction } from "../actions";

export const metadata: Metadata = { title: "Reported comments" };

export default async function ReportedPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission("comment.moderate");
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw > 0 && raw <= 100_000 ? raw : 1;
  const db = await getPrimaryDb();
  const [{ rows, total }, settings] = await Promise.all([listReportedComments(db, { page }), getSiteSettings()]);
  const pages = Math.max(1, Math.ceil(total / reportedPageSize));
  const when = (iso: string) => <Timestamp at={iso} timeZone={settings.timeZone} />;
  return (
    <>
      <div className={styles.titleRow}>
        <h1>Reported comments</h1>
        <Link href="/moderation">All queues</Link>
      </div>
      <h2 className="visually-hidden">
        Reported comments, page {page} of {pages}
      </h2>
      <ReportedQueue action={reportedAction} comments={rows.map((c) => ({ ...c, when: when(c.createdAt), lastWhen: when(c.lastReportedAt) }))} />
      <Pagination page={page} pages={pages} href={(to) => `/moderation/reported?page=${to}`} previous="More reported" next="Less reported" />
    </>
  );
}
