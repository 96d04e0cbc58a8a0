import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ListingPage } from "@/components/listing-page";
import { getAuthor, listArticlesFor } from "@/lib/articles/listing";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  const found = await getAuthor(slug);
  if (!found) notFound();
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params);
  return { title: found.name, alternates: { canonical: `/author/${found.slug}` } };
}

export default async function AuthorPage({ params }: Props) {
  const found = await load(params);
  const [settings, listing] = await Promise.all([getSiteSettings(), listArticlesFor("author", found.slug, 1)]);
  return (
    <ListingPage
      title={found.name}
      intro={found.bio}
      cards={listing.cards}
      locale={settings.locale}
      timeZone={settings.timeZone}
    />
  );
}
