import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { redirects } from "@/db/schema";
import { normalizePath } from "./paths";

/** Where an old address now lives, or null. `path` may carry its query (`/?p=12`). */
export async function findRedirect(db: Db, { path }: { path: string }): Promise<string | null> {
  const from = normalizePath(path);
  if (!from) return null;
  const [row] = await db.select({ to: redirects.toPath }).from(redirects).where(eq(redirects.fromPath, from));
  return row?.to ?? null;
}

export async function listRedirects(db: Db, { limit = 500, offset = 0 } = {}) {
  return db.select().from(redirects).orderBy(desc(redirects.createdAt), desc(redirects.id)).limit(limit).offset(offset);
}
