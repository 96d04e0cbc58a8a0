import "server-only";
import type { Metadata } from "next";
import { getSiteSettings } from "@/lib/site/cached";
import type { SiteSettingsView } from "@/lib/site/queries";
import { listVisibleSocialAccounts } from "@/lib/social/cached";

type OpenGraph = NonNullable<Metadata["openGraph"]>;
type Twitter = NonNullable<Metadata["twitter"]>;

/** Open Graph wants a locale as language_TERRITORY: "en-US" becomes "en_US". */
export function openGraphLocale(locale: string): string {
  const [language, region] = locale.split(/[-_]/);
  return region ? `${language!.toLowerCase()}_${region.toUpperCase()}` : language!.toLowerCase();
}

/** The handle of the site's X account as twitter:site wants it ("@gazette"), if it shows one. */
export function twitterSite(accounts: { network: string; handle: string }[]): string | undefined {
  const handle = accounts.find((a) => a.network === "x")?.handle.trim().replace(/^@/, "");
  return handle ? `@${handle}` : undefined;
}

export function logoImage(settings: SiteSettingsView) {
  return { url: settings.logoUrl, alt: `${settings.siteName} logo` };
}

/**
 * What every share card of the site carries: its name, its locale, its X account, and (where
 * a page has no picture of its own) its logo. Page metadata replaces a layout's `openGraph`
 * and `twitter` whole, so each page spreads these into its own.
 */
export async function shareDefaults(): Promise<{ openGraph: OpenGraph; twitter: Twitter; logo: { url: string; alt: string } }> {
  const [settings, accounts] = await Promise.all([getSiteSettings(), listVisibleSocialAccounts()]);
  const site = twitterSite(accounts);
  return {
    openGraph: { siteName: settings.siteName, locale: openGraphLocale(settings.locale) },
    twitter: site ? { site } : {},
    logo: logoImage(settings),
  };
}
