import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sections, siteSettings } from "@/db/schema";

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
const defaultLogoUrl = "/logo.png";

const defaults: SiteSettingsView = {
  siteName: "Gazette",
  description: "Independent news, openly published.",
  timeZone: "UTC",
  locale: "en-US",
  defaultCommentMode: "moderated",
  compactCounts: false,
  logoUrl: defaultLogoUrl,
};

/** The settings every page shows (name, time zone, logo…), or the defaults before the first save. */
export async function getSiteSettings(db: Db): Promise<SiteSettingsView> {
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
}

export type SectionLink = { slug: string; name: string; description: string };

/** The sections of the navigation, in the site's order. */
export async function listSections(db: Db): Promise<SectionLink[]> {
  return db
    .select({ slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}
