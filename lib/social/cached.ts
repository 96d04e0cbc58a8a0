import "server-only";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import * as queries from "./queries";

/** The visible accounts of the Stay Connected widget, cached until an account changes. */
export const listVisibleSocialAccounts = cached(async () => queries.listVisibleSocialAccounts(await getDb()), ["social-accounts"], { tags: [tags.social] });
