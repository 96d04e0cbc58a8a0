import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleCard, ArticleList } from "@/components/site/article-card";
import { ArticleLinks, StayConnected } from "@/components/site/sidebar";
import { JsonLd } from "@/components/site/json-ld";
import pageStyles from "@/components/site/page.module.css";
import styles from "@/components/site/home.module.css";
import { getFrontPage, listMustRead } from "@/lib/articles/cached";
import { env } from "@/lib/env";
import { listMostRead } from "@/lib/readership/cached";
import { getSiteSettings, listSections } from "@/lib/site/cached";
import { shareDefaults } from "@/lib/site/share";
import { listVisibleSocialAccounts } from "@/lib/social/cached";
import { NewsletterSignup } from "@/components/site/newsletter-signup";

// The front page. It is served at "/" through a rewrite (see next.config.mjs): as a dynamic
// route it renders on its first request and is cached, so the build never needs the database.
type Props = { params: Promise<{ edition: string }> };

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const [settings, share] = await Promise.all([getSiteSettings(), shareDefaults()]);
  return {
    title: { absolute: settings.siteName },
    description: settings.description,
    alternates: { canonical: "/" },
    openGraph: { ...share.openGraph, type: "website", url: "/", title: settings.siteName, description: settings.description, images: [share.logo] },
    twitter: { ...share.twitter, card: "summary", title: settings.siteName, description: settings.description, images: [share.logo] },
  };
}

export default async function HomePage({ params }: Props) {
  if ((await params).edition !== "home") notFound();
  const [settings, front, sections, mustRead, social, mostRead] = await Promise.all([
    getSiteSettings(),
    getFrontPage(),
    listSections(),
    listMustRead(6),
    listVisibleSocialAccounts(),
    listMostRead(5),
  ]);
  const { locale, timeZone } = settings;
  const siteUrl = env().SITE_URL;
  const blocks = sections.filter((s) => (front.bySection[s.slug]?.length ?? 0) > 0);
  // Must Read beside the lead would name it a third time on one screen.
  const otherMustRead = mustRead.filter((c) => c.id !== front.lead?.id).slice(0, 5);
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
      <JsonLd
        data={{ "@context": "https://schema.org", "@type": "Organization", name: settings.siteName, url: `${siteUrl}/`, logo: new URL(settings.logoUrl, siteUrl).toString() }}
      />
      <div className={styles.front}>
        <h1 className="visually-hidden">{settings.siteName}: latest news</h1>
        {front.lead && (
          <section aria-label="Lead story" className={styles.lead}>
            <ArticleCard card={front.lead} headingLevel={2} variant="lead" locale={locale} timeZone={timeZone} />
          </section>
        )}
        {front.top.length > 0 && (
          <section aria-labelledby="top-stories" className={styles.block}>
            <h2 id="top-stories" className={styles.blockHeading}>
              Top Stories
            </h2>
            <ArticleList cards={front.top} layout="grid" locale={locale} timeZone={timeZone} />
          </section>
        )}
        {blocks.map((section) => (
          <section key={section.slug} aria-labelledby={`section-${section.slug}`} className={styles.block}>
            <h2 id={`section-${section.slug}`} className={styles.blockHeading}>
              <a href={`/${section.slug}`}>{section.name}</a>
            </h2>
            <ArticleList
              cards={front.bySection[section.slug] ?? []}
              layout="grid"
              showSection={false}
              showStandfirst={false}
              variant="compact"
              locale={locale}
              timeZone={timeZone}
            />
            <p className={styles.more}>
              <a href={`/${section.slug}`}>
                More in {section.name} <span aria-hidden="true">→</span>
              </a>
            </p>
          </section>
        ))}
      </div>
      <aside aria-label="Sidebar">
        <ArticleLinks id="must-read" title="Must Read" cards={otherMustRead} />
        <ArticleLinks id="most-read" title="Most read" cards={mostRead} />
        <StayConnected accounts={social} locale={locale} timeZone={timeZone} compact={settings.compactCounts} />
        <NewsletterSignup source="home" />
      </aside>
    </div>
  );
}
