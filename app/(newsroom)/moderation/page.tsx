import type { Metadata } from "next";
import Link from "next/link";
import { ModerationQueue } from "@/components/newsroom/moderation-queue";
import styles from "@/components/newsroom/moderation.module.css";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import { getPrimaryDb } from "@/db/client";
import { commentStatuses, type CommentStatus } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { countModerationQueues, countReportedComments, getArticleTitle, listModerationQueue, queuePageSize } from "@/lib/moderation/queries";
import { getSiteSettings } from "@/lib/site/cached";
import { moderateAction } from "./actions";

export const metadata: Metadata = { title: "Moderation" };

const labels: Record<CommentStatus, string> = { pending: "Pending", approved: "Approved", spam: "Spam", rejected: "Rejected" };

type Search = { status?: string; page?: string; article?: string };

function positive(value: string | undefined, max: number): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n <= max ? n : null;
}

function href(params: { status: CommentStatus; page?: number; article: number | null }) {
  const q = new URLSearchParams({ status: params.status });
  if (params.article) q.set("article", String(params.article));
  if (params.page && params.page > 1) q.set("page", String(params.page));
  return `/moderation?${q}`;
}

export default async function ModerationPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("comment.moderate");
  const search = await searchParams;
  const status = (commentStatuses as readonly string[]).includes(search.status ?? "") ? (search.status as CommentStatus) : "pending";
  const page = positive(search.page, 100_000) ?? 1;
  const articleId = positive(search.article, 2_147_483_647);
  const db = await getPrimaryDb();
  const [counts, rows, articleTitle, settings, reported] = await Promise.all([
    countModerationQueues(db, { articleId }),
    listModerationQueue(db, { status, page, articleId }),
    articleId ? getArticleTitle(db, articleId) : null,
    getSiteSettings(),
    countReportedComments(db),
  ]);
  const pages = Math.max(1, Math.ceil(counts[status] / queuePageSize));
  const when = (iso: string) => <Timestamp at={iso} timeZone={settings.timeZone} />;

  return (
    <>
      <div className={styles.titleRow}>
        <h1>Moderation</h1>
        <Link href="/moderation/rules">Word lists and bans</Link>
      </div>
      {articleId && (
        <p className={styles.filter}>
          Comments on <bdi>{articleTitle ?? `article ${articleId}`}</bdi> only.{" "}
          <Link href={href({ status, article: null })}>Show all articles</Link>
        </p>
      )}
      <nav aria-label="Queues" className={styles.tabs}>
        <ul>
          {commentStatuses.map((s) => (
            <li key={s}>
              <Link href={href({ status: s, article: articleId })} aria-current={s === status ? "page" : undefined}>
                {labels[s]} ({counts[s]})
              </Link>
            </li>
          ))}
          <li>
            <Link href="/moderation/reported">Reported ({reported})</Link>
          </li>
        </ul>
      </nav>
      <h2 className="visually-hidden">
        {labels[status]} comments, page {page} of {pages}
      </h2>
      <ModerationQueue
        action={moderateAction}
        status={status}
        comments={rows.map((c) => ({
          ...c,
          when: when(c.createdAt),
          moderation: c.moderation && { by: c.moderation.by, when: when(c.moderation.at) },
          filterHref: articleId ? null : href({ status, article: c.article.id }),
        }))}
      />
      <Pagination page={page} pages={pages} href={(to) => href({ status, page: to, article: articleId })} previous="Newer comments" next="Older comments" />
    </>
  );
}
