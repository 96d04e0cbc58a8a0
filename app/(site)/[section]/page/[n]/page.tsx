import type { Metadata } from "next";
import { ListingView, listingMetadata, loadListing } from "@/app/(site)/listing";

// Page N of the listing. Readers reach it as `?page=N`, rewritten here in next.config.mjs so
// that each page is cached on its own path.
type Props = { params: Promise<{ section: string; n: string }> };

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, n } = await params;
  return listingMetadata(await loadListing("section", section, n));
}

export default async function Page({ params }: Props) {
  const { section, n } = await params;
  return <ListingView loaded={await loadListing("section", section, n)} />;
}
