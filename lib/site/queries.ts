import "server-only";
import { asc, eq } from "drizzle-orm";
import { cached } from "@/lib/cache/cached";
import { getDb } from "@/db/client";
import { sections, siteSettings } from "@/db/schema";
import { tags } from "@/lib/cache-tags";

export type SiteSettingsView = {
  siteName: string;
  description: string;
  timeZone: string;
  locale: string;
  defaultCommentMode: "open" | "moderated" | "closed";
  compactCounts: boolean;
  /** the logo's address, the bundled one unless an admin set another */
  logoUrl: string;
};

/** Drawn by scripts/make-icons.ts, like the favicon. */
export const defaultLogoUrl = "/logo.png";

const defaults: SiteSettingsView = {
  siteName: "Gazette",
  description: "Independent news, openly published.",
  timeZone: "UTC",
  locale: "en-US",
  defaultCommentMode: "moderated",
  compactCounts: false,
  logoUrl: defaultLogoUrl,
};

export const getSiteSettings = cached(
  async (): Promise<SiteSettingsView> => {
    const db = await getDb();
    const [row] = await db.select().from(siteSettings).where(eq(siteSettings.id, 1));
    if (!row) return defaults;
    return {
      siteName: row.siteName,
      description: row.description,
      timeZone: row.timeZone,
      locale: row.locale,
      defaultCommentMode: row.defaultCommentMode,
      compactCounts: row.compactCounts,
      logoUrl: row.logoUrl ?? defaultLogoUrl,
    };
  },
  ["site-settings"],
  { tags: [tags.settings] },
);

export type SectionLink = { slug: string; name: string; description: string };

export const listSections = cached(
  async (): Promise<SectionLink[]> => {
    const db = await getDb();
    return db
      .select({ slug: sections.slug, name: sections.name, description: sections.description })
      .from(sections)
      .orderBy(asc(sections.position), asc(sections.name));
  },
  ["sections"],
  { tags: [tags.sections] },
);
