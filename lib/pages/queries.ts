import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { pages, siteSettings } from "@/db/schema";

const parent = alias(pages, "parent");

export type PublishedPage = { id: number; title: string; slug: string; path: string; body: string; bodyHtml: string | null; bodyHtmlVersion: number | null; updatedAt: string };

/** A published page at /{slug} or /{parent}/{slug}; a child is shown only while its parent is published too. */
export async function getPublishedPage(db: Db, { path }: { path: string[] }): Promise<PublishedPage | null> {
  const [first, second] = path;
  if (!first || path.length > 2) return null;
  const base = db
    .select({ id: pages.id, title: pages.title, slug: pages.slug, body: pages.body, bodyHtml: pages.bodyHtml, bodyHtmlVersion: pages.bodyHtmlVersion, updatedAt: pages.updatedAt })
    .from(pages);
  const [row] = second
    ? await base
        .innerJoin(parent, eq(parent.id, pages.parentId))
        .where(and(eq(pages.slug, second), eq(pages.status, "published"), eq(parent.slug, first), isNull(parent.parentId), eq(parent.status, "published")))
    : await base.where(and(eq(pages.slug, first), isNull(pages.parentId), eq(pages.status, "published")));
  return row ? { ...row, path: `/${path.join("/")}`, updatedAt: row.updatedAt.toISOString() } : null;
}

export type PageRow = { id: number; title: string; slug: string; parentId: number | null; parentSlug: string | null; status: "draft" | "published"; updatedAt: Date };

/** Every page for the newsroom, parents before their children. */
export async function listPages(db: Db): Promise<PageRow[]> {
  return db
    .select({ id: pages.id, title: pages.title, slug: pages.slug, parentId: pages.parentId, parentSlug: parent.slug, status: pages.status, updatedAt: pages.updatedAt })
    .from(pages)
    .leftJoin(parent, eq(parent.id, pages.parentId))
    .orderBy(sql`coalesce(${parent.slug}, ${pages.slug})`, sql`${pages.parentId} nulls first`, asc(pages.slug));
}

export async function getPage(db: Db, { id }: { id: number }) {
  const [row] = await db.select().from(pages).where(eq(pages.id, id));
  return row ?? null;
}

/** Published pages with their paths, for the sitemap and the footer. */
export async function listPublishedPages(db: Db) {
  const rows = await db
    .select({ id: pages.id, title: pages.title, slug: pages.slug, parentSlug: parent.slug, parentStatus: parent.status, updatedAt: pages.updatedAt })
    .from(pages)
    .leftJoin(parent, eq(parent.id, pages.parentId))
    .where(eq(pages.status, "published"))
    .orderBy(asc(pages.title));
  return rows
    .filter((r) => r.parentSlug === null || r.parentStatus === "published")
    .map((r) => ({ id: r.id, title: r.title, path: r.parentSlug ? `/${r.parentSlug}/${r.slug}` : `/${r.slug}`, lastmod: r.updatedAt.toISOString() }));
}

/** The published pages the site setting puts in the footer, in its order. */
export async function listFooterPages(db: Db) {
  const [settings] = await db.select({ ids: siteSettings.footerPageIds }).from(siteSettings).where(eq(siteSettings.id, 1));
  const ids = settings?.ids ?? [];
  if (ids.length === 0) return [];
  const published = new Map((await listPublishedPages(db)).map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const p = published.get(id);
    return p ? [{ title: p.title, path: p.path }] : [];
  });
}
