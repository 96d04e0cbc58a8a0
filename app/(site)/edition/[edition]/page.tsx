import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard, ArticleList } from "@/components/article-card";
import { ArticleLinks, StayConnected } from "@/components/sidebar";
import { JsonLd } from "@/components/json-ld";
import pageStyles from "@/components/page.module.css";
import { listLatestArticles, listMustRead } from "@/lib/articles/queries";
import { env } from "@/lib/env";
import { getSiteSettings } from "@/lib/site/queries";
import { listVisibleSocialAccounts } from "@/lib/social/queries";

// The front page. It is served at "/" through a rewrite (see next.config.mjs): as a dynamic
// route it renders on its first request and is cached, so the build never needs the database.
type Props = { params: Promise<{ edition: string }> };

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    title: { absolute: settings.siteName },
    description: settings.description,
    alternates: { canonical: "/" },
    openGraph: { type: "website", url: "/", title: settings.siteName, description: settings.description },
    twitter: { card: "summary", title: settings.siteName, description: settings.description },
  };
}

export default async function HomePage({ params }: Props) {
  if ((await params).edition !== "home") notFound();
  const [settings, latest, mustRead, social] = await Promise.all([
    getSiteSettings(),
    listLatestArticles(24),
    listMustRead(5),
    listVisibleSocialAccounts(),
  ]);
  const { locale, timeZone } = settings;
  const siteUrl = env().SITE_URL;
  const [lead, ...rest] = latest;
  return (
    <div className={pageStyles.withSidebar}>
      <JsonLd
        data={{
          "@context": "https://schema.org",
          "@type": "WebSite",
          name: settings.siteName,
          url: `${siteUrl}/`,
          potentialAction: {
            "@type": "SearchAction",
            target: { "@type": "EntryPoint", urlTemplate: `${siteUrl}/search?q={search_term_string}` },
            "query-input": "required name=search_term_string",
          },
        }}
      />
      <JsonLd data={{ "@context": "https://schema.org", "@type": "Organization", name: settings.siteName, url: `${siteUrl}/` }} />
      <div>
        <h1 className="visually-hidden">{settings.siteName}: latest news</h1>
        {lead && <ArticleCard card={lead} headingLevel={2} locale={locale} timeZone={timeZone} />}
        <h2 className={pageStyles.pageTitle}>Latest</h2>
        <ArticleList cards={rest} locale={locale} timeZone={timeZone} />
      </div>
      <aside aria-label="Sidebar">
        <ArticleLinks id="must-read" title="Must Read" cards={mustRead} />
        <StayConnected accounts={social} locale={locale} timeZone={timeZone} />
      </aside>
    </div>
  );
}
