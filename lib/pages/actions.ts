import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { z } from "zod";
import { pageRevisions, pages, sections, siteSettings } from "@/db/schema";
import { reservedSlugs } from "@/lib/routes.mjs";
import { bodyColumns } from "@/lib/articles/body";
import { audit } from "@/lib/audit";
import { messages, staffAction } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import { isSlug, slugify } from "@/lib/slug";
import { pageInput, type PageInput } from "./input";

/**
 * Why a page may not have this slug under this parent, or null. A top-level page lives at
 * /{slug}: not where a section or the site itself is. Among its siblings a slug is unique.
 */
export async function pageSlugProblem(db: Db, { slug, parentId, pageId }: { slug: string; parentId: number | null; pageId: number | null }): Promise<string | null> {
  if (!isSlug(slug)) return "Use lower-case letters, digits and single hyphens";
  if (parentId === null) {
    if (reservedSlugs.has(slug)) return `"/${slug}" is used by the site itself; please choose another slug`;
    const [section] = await db.select({ id: sections.id }).from(sections).where(eq(sections.slug, slug));
    if (section) return `A section is at /${slug}; please choose another slug`;
  }
  const [sibling] = await db
    .select({ id: pages.id })
    .from(pages)
    .where(and(eq(pages.slug, slug), parentId === null ? isNull(pages.parentId) : eq(pages.parentId, parentId), pageId ? ne(pages.id, pageId) : undefined));
  return sibling ? "Another page already has this address" : null;
}

async function parentProblem(db: Db, parentId: number | null, pageId: number | null): Promise<string | null> {
  if (parentId === null) return null;
  if (parentId === pageId) return "A page cannot be its own parent";
  const [parent] = await db.select({ parentId: pages.parentId }).from(pages).where(eq(pages.id, parentId));
  if (!parent) return "That parent page does not exist";
  // Pages are served at /{slug} and /{parent}/{slug}: two levels.
  if (parent.parentId !== null) return "Choose a top-level page as the parent";
  if (pageId) {
    const [child] = await db.select({ id: pages.id }).from(pages).where(eq(pages.parentId, pageId)).limit(1);
    if (child) return "This page has pages under it, so it cannot go under another";
  }
  return null;
}

const values = (input: PageInput, slug: string) => ({
  title: input.title,
  slug,
  parentId: input.parentId === null ? "" : String(input.parentId),
  body: input.body,
});

export const savePage = staffAction("page.manage", pageInput, async (input, ctx) => {
  const slug = input.slug || slugify(input.title);
  const current = input.pageId ? (await ctx.db.select().from(pages).where(eq(pages.id, input.pageId)))[0] : undefined;
  if (input.pageId && !current) return { ok: false, message: "That page no longer exists." };
  const errors: Record<string, string[]> = {};
  const slugProblem = await pageSlugProblem(ctx.db, { slug, parentId: input.parentId, pageId: input.pageId });
  if (slugProblem) errors.slug = [slugProblem];
  const parentIssue = await parentProblem(ctx.db, input.parentId, input.pageId);
  if (parentIssue) errors.parentId = [parentIssue];
  if (Object.keys(errors).length > 0) return { ok: false, message: messages.invalid, errors, values: values(input, slug) };

  const status = input.intent === "publish" ? "published" : "draft";
  const now = new Date();
  const row = {
    title: input.title,
    slug,
    parentId: input.parentId,
    ...bodyColumns(input.body),
    status,
    publishedAt: status === "published" ? (current?.publishedAt ?? now) : null,
    updatedBy: ctx.staff.id,
    updatedAt: now,
  } as const;
  const saved = await ctx.db.transaction(async (tx) => {
    const [page] = current
      ? await tx.update(pages).set({ ...row, version: sql`${pages.version} + 1` }).where(eq(pages.id, current.id)).returning()
      : await tx.insert(pages).values({ ...row, createdBy: ctx.staff.id }).returning();
    await tx.insert(pageRevisions).values({ pageId: page!.id, version: page!.version, title: page!.title, slug: page!.slug, parentId: page!.parentId, body: page!.body, status: page!.status, createdBy: ctx.staff.id });
    await audit(tx, { actor: ctx.staff, action: `page.${input.intent}`, target: { type: "page", id: page!.id }, details: { slug } });
    return page!;
  });
  ctx.revalidate([tags.pages, tags.page(saved.id), tags.feeds]);
  const verb = input.intent === "publish" ? "Published" : input.intent === "unpublish" ? "Unpublished" : "Saved the draft of";
  return { ok: true, message: `${verb} “${saved.title}”.`, redirectTo: current ? undefined : `/editor/pages/${saved.id}` };
});

/** Which pages the footer links to: their addresses, in order, separated by commas. */
export const saveFooterPages = staffAction(
  "site.admin",
  z.object({ footerPages: z.string().max(2000).default("") }),
  async (input, ctx) => {
    const paths = input.footerPages.split(/[,\n]/).map((p) => p.trim().replace(/\/+$/, "")).filter(Boolean);
    const rows = await ctx.db
      .select({ id: pages.id, slug: pages.slug, parentId: pages.parentId })
      .from(pages);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pathOf = (r: { slug: string; parentId: number | null }) => (r.parentId ? `/${byId.get(r.parentId)?.slug}/${r.slug}` : `/${r.slug}`);
    const byPath = new Map(rows.map((r) => [pathOf(r), r.id]));
    const missing = paths.filter((p) => !byPath.has(p.startsWith("/") ? p : `/${p}`));
    if (missing.length > 0) return { ok: false, message: messages.invalid, errors: { footerPages: [`No page at ${missing.join(", ")}`] }, values: { footerPages: input.footerPages } };
    const ids = [...new Set(paths.map((p) => byPath.get(p.startsWith("/") ? p : `/${p}`)!))];
    await ctx.db.insert(siteSettings).values({ id: 1, footerPageIds: ids }).onConflictDoUpdate({ target: siteSettings.id, set: { footerPageIds: ids, updatedAt: new Date() } });
    await audit(ctx.db, { actor: ctx.staff, action: "settings.footer-pages", target: { type: "settings", id: 1 }, details: { ids } });
    ctx.revalidate([tags.settings, tags.pages]);
    return { ok: true, message: ids.length > 0 ? "The footer links to those pages." : "The footer links to no pages." };
  },
);

/** The footer setting as the form shows it. */
export async function footerPagesValue(db: Db): Promise<string> {
  const [settings] = await db.select({ ids: siteSettings.footerPageIds }).from(siteSettings).where(eq(siteSettings.id, 1));
  const rows = await db.select({ id: pages.id, slug: pages.slug, parentId: pages.parentId }).from(pages);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (settings?.ids ?? [])
    .flatMap((id) => {
      const r = byId.get(id);
      return r ? [r.parentId ? `/${byId.get(r.parentId)?.slug}/${r.slug}` : `/${r.slug}`] : [];
    })
    .join(", ");
}
