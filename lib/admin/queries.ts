import "server-only";
import { and, asc, desc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, pages, sections, siteSettings, users } from "@/db/schema";
import { reservedSlugs } from "@/lib/routes.mjs";
import { isSlug } from "@/lib/slug";

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

export async function emailTaken(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return !!row;
}

/** Why a section may not have this slug, or null when it may. */
export async function sectionSlugProblem(db: Db, slug: string, exceptId?: number): Promise<string | null> {
  if (!isSlug(slug)) return "Use lower-case letters, digits and single hyphens";
  // First path segments the app itself uses (the route map): a section there would hide them or be hidden.
  if (reservedSlugs.has(slug)) return `"${slug}" is used by the site itself; please choose another slug`;
  const [taken] = await db.select({ id: sections.id }).from(sections).where(and(eq(sections.slug, slug), exceptId ? ne(sections.id, exceptId) : undefined));
  if (taken) return "Another section already uses this slug";
  const [page] = await db.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, slug), isNull(pages.parentId)));
  return page ? `A page is at /${slug}; please choose another slug` : null;
}
