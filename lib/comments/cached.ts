import "server-only";
import { cached } from "@/lib/cache/cached";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { getCommentPage as readCommentPage } from "./queries";

/**
 * One page of an article's threads, behind the data cache. Tagged with the article, which
 * every moderation decision on its comments revalidates (lib/moderation/actions.ts).
 */
export const getCommentPage = cache((articleId: number, page: number) =>
  cached(async () => readCommentPage(await getDb(), { articleId, page }), ["comment-page", String(articleId), String(page)], {
    tags: [tags.article(articleId)],
  })(),
);
