import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { CommentForm } from "@/components/site/comment-form";
import { CommentList } from "@/components/site/comments";
import styles from "@/components/ui/article.module.css";
import { getPublishedArticle } from "@/lib/articles/cached";
import { getCommentPage } from "@/lib/comments/cached";
import { commentPageHref } from "@/lib/comments/paging";
import { parsePage } from "@/lib/pagination";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";

type Props = { params: Promise<{ section: string; slug: string; page: string }> };

export async function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { section, slug, page: raw } = await params;
  const page = parsePage(raw);
  if (!isSlug(section) || !isSlug(slug) || page === null) notFound();
  const article = await getPublishedArticle(slug);
  if (!article || article.section.slug !== section) notFound();
  return { article, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article, page } = await load(params);
  const href = commentPageHref({ section: article.section.slug, slug: article.slug }, page);
  return {
    title: `Comments, page ${page}: ${article.title}`,
    alternates: { canonical: href },
    // The article is the page to find; its later comment pages are for readers who go on.
    robots: { index: false, follow: true },
  };
}

/** A later page of an article's threads: its own cached page, linked from the article's. */
export default async function CommentsPage({ params }: Props) {
  const { article, page } = await load(params);
  const ref = { section: article.section.slug, slug: article.slug };
  if (page === 1) permanentRedirect(`${commentPageHref(ref, 1)}#comments-heading`);
  const [settings, comments] = await Promise.all([getSiteSettings(), getCommentPage(article.id, page)]);
  if (page > comments.pages) notFound();
  return (
    <div>
      <nav aria-label="Breadcrumb" className={styles.crumbs}>
        <ol>
          <li>
            <a href="/">Home</a>
          </li>
          <li>
            <a href={`/${article.section.slug}`}>{article.section.name}</a>
          </li>
        </ol>
      </nav>
      <h1 className={styles.title}>
        Comments on <a href={commentPageHref(ref, 1)}>{article.title}</a>
      </h1>
      <CommentList
        page={comments}
        article={ref}
        canReply={article.commentMode !== "closed"}
        locale={settings.locale}
        timeZone={settings.timeZone}
      />
      {article.commentMode === "closed" ? (
        <p className={styles.closed}>Comments are closed for this article.</p>
      ) : (
        <CommentForm articleId={article.id} />
      )}
    </div>
  );
}
