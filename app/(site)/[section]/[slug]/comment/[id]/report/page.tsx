import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReportForm } from "@/components/site/report-form";
import styles from "@/components/ui/article.module.css";
import { isSlug } from "@/lib/slug";

type Props = { params: Promise<{ section: string; slug: string; id: string }> };

export const metadata: Metadata = { title: "Report a comment", robots: { index: false, follow: false } };

export async function generateStaticParams() {
  return [];
}

/**
 * The report form on a page of its own, for readers without JavaScript (with it, the form
 * opens in a dialog on the article). The same bytes for every reader and comment but the id.
 */
export default async function ReportPage({ params }: Props) {
  const { section, slug, id } = await params;
  if (!isSlug(section) || !isSlug(slug) || !/^[1-9][0-9]{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  const commentId = Number(id);
  return (
    <div>
      <h1 className={styles.title}>Report a comment</h1>
      <p>
        Tell the moderators what is wrong with{" "}
        <a href={`/${section}/${slug}/comment/${commentId}`}>this comment</a>. They decide whether it stays.
      </p>
      <ReportForm commentId={commentId} />
      <p>
        <a href={`/${section}/${slug}`}>Back to the article</a>
      </p>
    </div>
  );
}
