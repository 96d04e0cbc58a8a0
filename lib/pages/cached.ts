import "server-only";
import { cached } from "@/lib/cache/cached";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as q from "./queries";

// Tagged `pages`: any page's save refreshes every lookup, since a slug or parent change moves
// a page from one address to another.
export const getPublishedPage = cache((...path: string[]) =>
  cached(async () => q.getPublishedPage(await getDb(), { path }), ["page", ...path], { tags: [tags.pages] })(),
);

export const listPublishedPages = cache(() =>
  cached(async () => q.listPublishedPages(await getDb()), ["published-pages"], { tags: [tags.pages] })(),
);

export const listFooterPages = cache(() =>
  cached(async () => q.listFooterPages(await getDb()), ["footer-pages"], { tags: [tags.pages, tags.settings] })(),
);
