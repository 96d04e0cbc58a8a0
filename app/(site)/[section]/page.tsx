import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleList } from "@/components/article-card";
import pageStyles from "@/components/page.module.css";
import { getSection } from "@/lib/articles/listing";
import { listSectionArticles } from "@/lib/articles/queries";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/queries";

type Props = { params: Promise<{ section: string }> };

export async function generateStaticParams() {
  return [];
}

async function load(params: Props["params"]) {
  const { section: slug } = await params;
  if (!isSlug(slug)) notFound();
  const section = await getSection(slug);
  if (!section) notFound();
  return section;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await load(params);
  return {
    title: section.name,
    description: section.description,
    alternates: { canonical: `/${section.slug}` },
    openGraph: { type: "website", url: `/${section.slug}`, title: section.name, description: section.description },
  };
}

export default async function SectionPage({ params }: Props) {
  const section = await load(params);
  const [settings, cards] = await Promise.all([getSiteSettings(), listSectionArticles(section.slug, 20)]);
  return (
    <>
      <h1 className={pageStyles.pageTitle}>{section.name}</h1>
      <p className={pageStyles.lede}>{section.description}</p>
      <ArticleList cards={cards} locale={settings.locale} timeZone={settings.timeZone} showStandfirst headingLevel={2} />
    </>
  );
}
