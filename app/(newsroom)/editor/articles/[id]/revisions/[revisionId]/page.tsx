import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrimaryDb } from "@/db/client";
import { getRevision } from "@/lib/articles/queries";
import { requirePermission } from "@/lib/auth/session";
import { renderMarkdown } from "@/lib/markdown";
import { getSiteSettings } from "@/lib/site/cached";
import bodyStyles from "@/components/ui/article.module.css";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Revision" };

type Props = { params: Promise<{ id: string; revisionId: string }> };

export default async function RevisionPage({ params }: Props) {
  await requirePermission("article.edit-any");
  const { id, revisionId } = await params;
  const [found, { timeZone }] = await Promise.all([
    /^\d{1,9}$/.test(id) && /^\d{1,9}$/.test(revisionId) ? getRevision(await getPrimaryDb(), Number(id), Number(revisionId)) : null,
    getSiteSettings(),
  ]);
  if (!found) notFound();
  const { revision, by } = found;
  return (
    <>
      <p>
        <Link href={`/editor/articles/${id}`}>Back to the article</Link>
      </p>
      <h1>
        Version {revision.version}: {revision.title}
      </h1>
      <p>
        Saved by {by ?? "unknown"} at <Timestamp at={revision.createdAt} timeZone={timeZone} seconds />, status {revision.status}.
      </p>
      <p className={bodyStyles.standfirst}>{revision.standfirst}</p>
      <div className={bodyStyles.body} dangerouslySetInnerHTML={{ __html: renderMarkdown(revision.body) }} />
    </>
  );
}
