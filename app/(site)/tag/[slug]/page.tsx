import type { Metadata } from "next";
import { ListingView, listingMetadata, loadListing } from "@/app/(site)/listing";

type Props = { params: Promise<{ slug: string }> };

// Rendered on first request and cached (nothing is prerendered: the build never opens the database).
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadata(await loadListing("tag", (await params).slug));
}

export default async function Page({ params }: Props) {
  return <ListingView loaded={await loadListing("tag", (await params).slug)} />;
}
