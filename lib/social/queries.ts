import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { socialAccounts, type SocialNetwork } from "@/db/schema";

// Reads taking the database; reader pages use the cached wrapper in ./cached.ts.

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
export async function listVisibleSocialAccounts(db: Db): Promise<SocialAccountView[]> {
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
}

/** Every account, hidden ones too, with all its columns, for the admin screen. */
export async function listSocialAccounts(db: Db) {
  return db.select().from(socialAccounts).orderBy(asc(socialAccounts.position), asc(socialAccounts.id));
}
