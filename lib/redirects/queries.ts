import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { articles, authors, pages, redirects, sections, tags } from "@/db/schema";
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

// Old addresses of one or two segments and no query ("/hello-world", "/category/news") have
// the shape of Gazette's own section, article and page addresses.
// (The home page itself is never redirected.)
const shortShape = sql`${redirects.fromPath} !~ '^/[^/]*/[^/]*/' and strpos(${redirects.fromPath}, '?') = 0 and ${redirects.fromPath} <> '/'`;

/** Every stored old address of one or two segments (the ones shaped like Gazette's own pages). */
export async function listShortRedirectPaths(db: Db): Promise<string[]> {
  const rows = await db.select({ from: redirects.fromPath }).from(redirects).where(shortShape);
  return rows.map((r) => r.from);
}

/** Changes whenever a redirect is added or deleted: whether the list above must be read again. */
export async function redirectsVersion(db: Db): Promise<string> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`, last: sql<number>`coalesce(max(${redirects.id}), 0)::int` }).from(redirects);
  return `${row?.n ?? 0}:${row?.last ?? 0}`;
}

// First segments the app itself answers (besides author and tag, which are checked by name).
const appSegments = new Set([
  "admin", "api", "search", "login", "editor", "moderation", "feed.xml", "sitemap.xml", "news-sitemap.xml", "robots.txt",
  "media", "edition", "_next", "favicon.ico", "icon.svg", "apple-icon.png", "newsletters", "dashboard",
]);

const parentPage = alias(pages, "parent_page");

/**
 * Whether a one- or two-segment address is one of Gazette's own pages (a section, an article,
 * a static page, an author or tag, a route of the app): such an address is never redirected,
 * whatever an old site had there.
 */
export async function isOwnAddress(db: Db, path: string): Promise<boolean> {
  const [first = "", second, ...rest] = path.split("/").slice(1);
  if (rest.length > 0 || !first) return false;
  if (appSegments.has(first)) return true;
  const found = (rows: unknown[]) => rows.length > 0;
  if (second === undefined) {
    const [section, page] = await Promise.all([
      db.select({ id: sections.id }).from(sections).where(eq(sections.slug, first)).limit(1),
      db.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, first), isNull(pages.parentId), eq(pages.status, "published"))).limit(1),
    ]);
    return found(section) || found(page);
  }
  if (first === "author") return found(await db.select({ id: authors.id }).from(authors).where(eq(authors.slug, second)).limit(1));
  if (first === "tag") return found(await db.select({ id: tags.id }).from(tags).where(eq(tags.slug, second)).limit(1));
  const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, first)).limit(1);
  if (section) {
    if (second === "feed.xml") return true;
    return found(await db.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, second), eq(articles.status, "published"))).limit(1));
  }
  return found(
    await db
      .select({ id: pages.id })
      .from(pages)
      .innerJoin(parentPage, eq(parentPage.id, pages.parentId))
      .where(and(eq(pages.slug, second), eq(pages.status, "published"), eq(parentPage.slug, first), isNull(parentPage.parentId), eq(parentPage.status, "published")))
      .limit(1),
  );
}
