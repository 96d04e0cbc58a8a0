import "server-only";
import { unstable_cache } from "next/cache";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as q from "./queries";

// Tagged `pages`: any page's save refreshes every lookup, since a slug or parent change moves
// a page from one address to another.
export const getPublishedPage = cache((...path: string[]) =>
  unstable_cache(async () => q.getPublishedPage(await getDb(), { path }), ["page", ...path], { tags: [tags.pages] })(),
);

export const listPublishedPages = cache(() =>
  unstable_cache(async () => q.listPublishedPages(await getDb()), ["published-pages"], { tags: [tags.pages] })(),
);

export const listFooterPages = cache(() =>
  unstable_cache(async () => q.listFooterPages(await getDb()), ["footer-pages"], { tags: [tags.pages, tags.settings] })(),
);
