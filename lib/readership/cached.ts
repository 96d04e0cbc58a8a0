import "server-only";
import { cached } from "@/lib/cache/cached";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as q from "./queries";

// What pages call. Reader blocks are cached and refreshed by the background pass (the
// `most-read` tag), never per request. The dashboard's figures are per request (staff pages
// render per request anyway), once per render through React's cache().

export const listMostRead = cache((limit: number) =>
  cached(async () => q.listMostRead(await getDb(), { limit, hours: 48 }), ["most-read", String(limit)], {
    tags: [tags.mostRead],
    revalidate: 3600,
  })(),
);

export const getReadTotals = cache(async (timeZone: string, articleIds?: number[]) => q.getReadTotals(await getDb(), { timeZone, articleIds }));
export const listTopArticles = cache(async (hours: number, articleIds?: number[]) => q.listTopArticles(await getDb(), { hours, limit: 10, articleIds }));
export const listDailyReadsBySection = cache(async (timeZone: string, articleIds?: number[]) =>
  q.listDailyReadsBySection(await getDb(), { days: 30, timeZone, articleIds }),
);
export const listDailyReadsOfArticle = cache(async (articleId: number, timeZone: string) =>
  q.listDailyReadsOfArticle(await getDb(), { articleId, days: 30, timeZone }),
);
export const getBreakdown = cache(async (articleIds?: number[]) => q.getBreakdown(await getDb(), { days: 7, articleIds }));
export const getRecentReads = cache(async (articleIds: number[]) => q.getRecentReads(await getDb(), { articleIds, days: 7 }));
export const listOwnArticleIds = cache(async (userId: number) => q.listOwnArticleIds(await getDb(), { userId }));
export const getModerationFigures = cache(async (timeZone: string) => q.getModerationFigures(await getDb(), { days: 30, timeZone }));
export const listPublishedPerDay = cache(async (timeZone: string) => q.listPublishedPerDay(await getDb(), { days: 30, timeZone }));
