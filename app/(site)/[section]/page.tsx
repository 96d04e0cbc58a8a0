import type { Metadata } from "next";
import { ListingView, listingMetadata, loadListing } from "@/app/(site)/listing";
import { StaticPage } from "@/components/site/static-page";
import { getSection } from "@/lib/articles/cached";
import { getPublishedPage } from "@/lib/pages/cached";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";

type Props = { params: Promise<{ section: string }> };

// Rendered on first request and cached (nothing is prerendered: the build never opens the database).
export async function generateStaticParams() {
  return [];
}

/** A top-level static page at this address: asked only when no section has it (they never share one). */
async function staticPage(slug: string) {
  if (!isSlug(slug) || (await getSection(slug))) return null;
  return getPublishedPage(slug);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  const page = await staticPage(section);
  if (page) return { title: page.title, alternates: { canonical: page.path } };
  return listingMetadata(await loadListing("section", section));
}

export default async function Page({ params }: Props) {
  const { section } = await params;
  const page = await staticPage(section);
  if (page) {
    const settings = await getSiteSettings();
    return <StaticPage page={page} timeZone={settings.timeZone} locale={settings.locale} />;
  }
  return <ListingView loaded={await loadListing("section", section)} />;
}
