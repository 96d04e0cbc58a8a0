import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, articleTags, authors, sections, tags, type Article } from "@/db/schema";
import { tags as cacheTags } from "@/lib/cache-tags";

// Which cached pages show what: every action asks here what to revalidate after a change, so
// that a new page showing an article (or a section, or the settings) is added in one place.

/** Where an article is shown: enough to name every cached page it appears on. */
export type ArticlePlacement = { slug: string; status: Article["status"]; sectionSlug: string; authorSlug: string; tagSlugs: string[] };

/** An article's address, section, author and tags as they are now, or null when it is gone. */
export async function getArticlePlacement(db: Db, articleId: number): Promise<ArticlePlacement | null> {
  const [row] = await db
    .select({ slug: articles.slug, status: articles.status, sectionSlug: sections.slug, authorSlug: authors.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, articleId));
  if (!row) return null;
  const tagRows = await db
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId));
  return { ...row, tagSlugs: tagRows.map((t) => t.slug) };
}

/**
 * Every cached page an article appears on, in any of the placements given (before and after a
 * change): none while it is neither published nor scheduled, since no reader page shows it.
 */
export function articlePageTags(articleId: number, ...placements: (ArticlePlacement | null)[]): string[] {
  const visible = placements.filter((s): s is ArticlePlacement => !!s && (s.status === "published" || s.status === "scheduled"));
  if (visible.length === 0) return [];
  return [
    cacheTags.article(articleId),
    cacheTags.home,
    cacheTags.feeds,
    cacheTags.mustRead,
    ...visible.flatMap((s) => [
      cacheTags.articleSlug(s.slug),
      cacheTags.section(s.sectionSlug),
      cacheTags.author(s.authorSlug),
      ...s.tagSlugs.map(cacheTags.tag),
    ]),
  ];
}

/**
 * The pages that show an article as it is now: for a change to what is on them (a comment
 * approved or taken down, a scheduled article going live), not to where the article is.
 */
export async function getArticlePageTags(db: Db, articleId: number): Promise<string[]> {
  return articlePageTags(articleId, await getArticlePlacement(db, articleId));
}

/** The pages a section's name, address or order is on: the navigation of every page, and its front. */
export function sectionPageTags(...sectionSlugs: string[]): string[] {
  return [cacheTags.sections, cacheTags.home, cacheTags.feeds, ...sectionSlugs.map(cacheTags.section)];
}

/** The site's name, description, time zone and logo appear on every reader page. */
export const settingsPageTags: readonly string[] = [cacheTags.settings, cacheTags.home, cacheTags.feeds, cacheTags.social];
