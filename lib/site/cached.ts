import "server-only";
import { getDb } from "@/db/client";
import { cached } from "@/lib/cache/cached";
import { tags } from "@/lib/cache-tags";
import * as q from "./queries";

// What pages call: ./queries.ts behind the data cache, tagged for the actions that change it.

export const getSiteSettings = cached(async () => q.getSiteSettings(await getDb()), ["site-settings"], { tags: [tags.settings] });

export const listSections = cached(async () => q.listSections(await getDb()), ["sections"], { tags: [tags.sections] });
