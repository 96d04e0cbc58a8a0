import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, sections, siteSettings, users } from "@/db/schema";

// Reads of the admin screens (users, sections, settings, audit log); each takes the database.
// Staff pages render per request and read the primary, so none is cached.

/** Every staff account, by email. */
export async function listUsers(db: Db) {
  return db.select().from(users).orderBy(asc(users.email));
}

/** Every section with all its columns, in the order the site shows them. */
export async function listSectionRows(db: Db) {
  return db.select().from(sections).orderBy(asc(sections.position), asc(sections.name));
}

/** The stored site settings as the settings form edits them, or null before the first save. */
export async function getSettingsRow(db: Db) {
  const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
  return row ?? null;
}

/** One page of the audit log, newest first, and how many entries there are in all. */
export async function listAuditEntries(db: Db, { limit, offset }: { limit: number; offset: number }) {
  const rows = await db
    .select({ entry: auditLog, total: sql<number>`count(*) over ()` })
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  return { entries: rows.map((r) => r.entry), total: Number(rows[0]?.total ?? 0) };
}
