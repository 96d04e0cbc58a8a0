// Row (k): a comment post on a busy story, an article with 500 comments of 5,000 characters
// from the last half hour, the most the duplicate check ever looked at. A post there should
// cost what it costs on a quiet article (row g).
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import type { Article } from "./comment-post";

export const busyComments = { count: 500, length: 5_000 };

/** Fills one article with recent long comments, each a different text, held for moderation. */
export async function makeBusyStory(db: Db, article: Article) {
  // Words of varying length, so that every comment is distinct and none is one long token.
  await db.execute(sql`
    insert into comments (article_id, author_name, author_email, body, status, created_at)
    select ${article.id}, 'Busy Reader ' || n, 'busy' || n || '@example.net',
      left(repeat('comment ' || n || ' about the story, with several words of text; ', 100), ${busyComments.length}),
      case when n % 3 = 0 then 'approved'::comment_status else 'pending'::comment_status end,
      now() - make_interval(secs => n * 3)
    from generate_series(1, ${busyComments.count}) as n`);
}
