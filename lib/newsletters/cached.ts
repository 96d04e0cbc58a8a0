import "server-only";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { listSignupLists, type SignupList } from "./queries";

/** The signup form's lists: the same for every reader, so cached with the page. */
export const getSignupLists = cached(async (): Promise<SignupList[]> => listSignupLists(await getDb()), ["newsletter-signup-lists"], {
  tags: [tags.newsletters],
});
