import type { CommentPage, PublicComment } from "@/lib/comments/queries";
import { CommentPager } from "./comment-pager";
import { CommentPages } from "./comment-pages";
import { ReportDialog } from "./report-dialog";
import { Timestamp } from "@/components/ui/timestamp";
import styles from "./comments.module.css";

type Locale = { locale: string; timeZone: string };

function CommentBody({
  comment,
  locale,
  timeZone,
  canReply,
  articlePath,
}: { comment: PublicComment; canReply: boolean; articlePath: string } & Locale) {
  return (
    <article className={styles.comment} id={`comment-${comment.id}`}>
      <header className={styles.head}>
        <span className={styles.name}>
          {comment.website && /^https?:\/\//i.test(comment.website) ? (
            <a href={comment.website} rel="ugc nofollow noopener">
              <bdi>{comment.name}</bdi>
            </a>
          ) : (
            <bdi>{comment.name}</bdi>
          )}
        </span>
        <Timestamp at={comment.createdAt} style="dateTime" locale={locale} timeZone={timeZone} className={styles.time} />
      </header>
      {/* Plain text: React escapes it, and CSS keeps its line breaks. */}
      <p className={styles.text}>{comment.body}</p>
      <div className={styles.commentActions}>
        {canReply && (
          <a href="#respond" className={styles.reply} data-reply-to={comment.id} data-reply-name={comment.name}>
            Reply<span className="visually-hidden"> to {comment.name}</span>
          </a>
        )}
        {/* Its own small page without JavaScript; ReportDialog opens it in place with it. */}
        <a href={`${articlePath}/comment/${comment.id}/report`} className={styles.reportLink} data-report-comment={comment.id} rel="nofollow">
          Report<span className="visually-hidden"> the comment by {comment.name}</span>
        </a>
      </div>
    </article>
  );
}

/** One page of an article's threads under the article's comment count, with links to the other pages. */
export function CommentList({
  page,
  article,
  canReply,
  ...locale
}: { page: CommentPage; article: { section: string; slug: string }; canReply: boolean } & Locale) {
  const { total, threads } = page;
  const articlePath = `/${article.section}/${article.slug}`;
  return (
    <>
      <CommentPager articlePath={articlePath} className={styles.section}>
        <h2 id="comments-heading" className={styles.heading} tabIndex={-1}>
          {total === 0 ? "No comments yet" : total === 1 ? "1 Comment" : `${total.toLocaleString("en-US")} Comments`}
        </h2>
        {threads.length > 0 && (
          <ol className={styles.list}>
            {threads.map((comment) => (
              <li key={comment.id}>
                <CommentBody comment={comment} canReply={canReply} articlePath={articlePath} {...locale} />
                {comment.replies.length > 0 && (
                  <ol className={styles.replies}>
                    {comment.replies.map((reply) => (
                      <li key={reply.id}>
                        <CommentBody comment={reply} canReply={false} articlePath={articlePath} {...locale} />
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
        )}
        <CommentPages article={article} page={page.page} pages={page.pages} />
      </CommentPager>
      <ReportDialog />
    </>
  );
}
