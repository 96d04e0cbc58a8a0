import "server-only";
import { cached } from "@/lib/cache/cached";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as listing from "./listing";
import type { ListingKind } from "./listing";
import * as q from "./queries";

// What pages call: the plain queries of ./queries.ts and ./listing.ts behind the data cache,
// tagged so that an action's revalidateTag refreshes exactly the pages that show the data.
// React's cache() makes each one run once per render, so generateMetadata and the page share
// it. Cached results travel as JSON, which is why the cards carry ISO strings, not Dates.

export const getPublishedArticle = cache((slug: string) =>
  cached(async () => q.getPublishedArticle(await getDb(), { slug }), ["article", slug], {
    tags: [tags.articleSlug(slug)],
  })(),
);

export const getFrontPage = cache(() =>
  cached(async () => q.getFrontPage(await getDb()), ["front-page"], { tags: [tags.home] })(),
);

export const listMustRead = cache((limit: number) =>
  cached(async () => q.listMustRead(await getDb(), { limit }), ["must-read", String(limit)], {
    // Reads move the fillers without any editorial action: the background pass revalidates
    // `most-read` when the ranking moves (lib/readership/jobs.ts), and comment counts hourly.
    tags: [tags.mustRead, tags.home, tags.mostRead],
    revalidate: 3600,
  })(),
);

export const listRelatedArticles = cache((articleId: number, limit: number) =>
  cached(async () => q.listRelatedArticles(await getDb(), { articleId, limit }), ["related", String(articleId), String(limit)], {
    // Other articles' publication changes this list too; an hourly refresh bounds that.
    tags: [tags.article(articleId)],
    revalidate: 3600,
  })(),
);

const listingTag = (kind: ListingKind, slug: string) =>
  kind === "section" ? tags.section(slug) : kind === "author" ? tags.author(slug) : tags.tag(slug);

export const listArticles = cache((kind: ListingKind, slug: string, page: number) =>
  cached(async () => listing.listArticles(await getDb(), { kind, slug, page }), ["listing", kind, slug, String(page)], {
    tags: [listingTag(kind, slug)],
  })(),
);

export const getSection = cache((slug: string) =>
  cached(async () => listing.getSection(await getDb(), { slug }), ["section", slug], {
    tags: [tags.section(slug), tags.sections],
  })(),
);

export const getAuthor = cache((slug: string) =>
  cached(async () => listing.getAuthor(await getDb(), { slug }), ["author", slug], { tags: [tags.author(slug)] })(),
);

export const getTag = cache((slug: string) =>
  cached(async () => listing.getTag(await getDb(), { slug }), ["tag", slug], { tags: [tags.tag(slug)] })(),
);
