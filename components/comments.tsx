import type { PublicComment } from "@/lib/comments/queries";
import { formatDateTime } from "@/lib/format";
import styles from "./comments.module.css";

type Locale = { locale: string; timeZone: string };

function CommentBody({ comment, locale, timeZone, canReply }: { comment: PublicComment; canReply: boolean } & Locale) {
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
        <time dateTime={comment.createdAt} className={styles.time}>
          {formatDateTime(comment.createdAt, locale, timeZone)}
        </time>
      </header>
      {/* Plain text: React escapes it, and CSS keeps its line breaks. */}
      <p className={styles.text}>{comment.body}</p>
      {canReply && (
        <a href="#respond" className={styles.reply} data-reply-to={comment.id} data-reply-name={comment.name}>
          Reply<span className="visually-hidden"> to {comment.name}</span>
        </a>
      )}
    </article>
  );
}

export function CommentList({ comments, canReply, ...locale }: { comments: PublicComment[]; canReply: boolean } & Locale) {
  const total = comments.reduce((n, c) => n + 1 + c.replies.length, 0);
  return (
    <section aria-labelledby="comments-heading" className={styles.section}>
      <h2 id="comments-heading" className={styles.heading}>
        {total === 0 ? "No comments yet" : total === 1 ? "1 Comment" : `${total} Comments`}
      </h2>
      {total > 0 && (
        <ol className={styles.list}>
          {comments.map((comment) => (
            <li key={comment.id}>
              <CommentBody comment={comment} canReply={canReply} {...locale} />
              {comment.replies.length > 0 && (
                <ol className={styles.replies}>
                  {comment.replies.map((reply) => (
                    <li key={reply.id}>
                      <CommentBody comment={reply} canReply={false} {...locale} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
