import "server-only";
import { asc, eq } from "drizzle-orm";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { socialAccounts, type SocialNetwork } from "@/db/schema";
import { tags } from "@/lib/cache-tags";

export type SocialAccountView = {
  id: number;
  network: SocialNetwork;
  handle: string;
  profileUrl: string;
  noun: string;
  verb: string;
  count: number | null;
  asOf: string | null;
};

/** The visible accounts of the Stay Connected widget, in their order. */
export const listVisibleSocialAccounts = cached(
  async (): Promise<SocialAccountView[]> => {
    const db = await getDb();
    const rows = await db
      .select()
      .from(socialAccounts)
      .where(eq(socialAccounts.visible, true))
      .orderBy(asc(socialAccounts.position), asc(socialAccounts.id));
    return rows.map((r) => ({
      id: r.id,
      network: r.network,
      handle: r.handle,
      profileUrl: r.profileUrl,
      noun: r.noun,
      verb: r.verb,
      count: r.count,
      asOf: r.fetchedAt?.toISOString() ?? null,
    }));
  },
  ["social-accounts"],
  { tags: [tags.social] },
);
