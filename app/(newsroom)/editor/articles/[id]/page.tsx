import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleForm } from "@/components/newsroom/article-form";
import { formValuesFor } from "@/components/newsroom/article-form-values";
import { CorrectionForm, RevisionList } from "@/components/newsroom/editor-panels";
import { getPrimaryDb } from "@/db/client";
import { getArticleForEditing, listEditorOptions } from "@/lib/articles/queries";
import { savedMessage } from "@/lib/articles/input";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { DailyStackedChart } from "@/components/newsroom/readership-charts";
import { Timestamp } from "@/components/ui/timestamp";
import { listDailyReadsOfArticle } from "@/lib/readership/cached";
import { getSiteSettings } from "@/lib/site/cached";
import { forbidden } from "next/navigation";

export const metadata: Metadata = { title: "Edit article" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const staff = await requirePermission("article.write");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  const db = await getPrimaryDb();
  const [found, options, settings] = await Promise.all([getArticleForEditing(db, id), listEditorOptions(db), getSiteSettings()]);
  if (!found) notFound();
  const { article } = found;
  if (!can(staff.role, "article.edit-any") && article.createdBy !== staff.id) forbidden();
  return (
    <>
      <h1>Edit article</h1>
      <p>
        Status: <strong>{article.status}</strong>
        {article.status === "published" && (
          <>
            {" "}
            · <Link href={`/${found.sectionSlug}/${article.slug}`}>View on the site</Link>
          </>
        )}
      </p>
      <ArticleForm
        key={article.version}
        flash={savedMessage((await searchParams).saved)}
        initial={formValuesFor(article, found.tags, settings.timeZone)}
        sections={options.sections}
        authors={options.authors}
        canPublish={can(staff.role, "article.publish")}
        timeZone={settings.timeZone}
      />
      {can(staff.role, "article.publish") && article.status === "published" && (
        <CorrectionForm
          articleId={article.id}
          corrections={found.corrections.map((c) => ({ id: c.id, body: c.body, when: <Timestamp at={c.createdAt} timeZone={settings.timeZone} /> }))}
        />
      )}
      {article.status === "published" && (
        <DailyStackedChart id="article-reads" title="Reads per day, last 30 days" data={await listDailyReadsOfArticle(article.id, settings.timeZone)} unit="reads" />
      )}
      <RevisionList
        articleId={article.id}
        version={article.version}
        canRestore={can(staff.role, "article.edit-any")}
        revisions={found.revisions.map((r) => ({ id: r.id, version: r.version, status: r.status, by: r.by, when: <Timestamp at={r.createdAt} timeZone={settings.timeZone} seconds /> }))}
      />
    </>
  );
}
