import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ReadBeacon } from "@/components/site/read-beacon";
import { SiteFooter, SiteHeader } from "@/components/site/site-chrome";
import { listFooterPages } from "@/lib/pages/cached";
import { getSiteSettings, listSections } from "@/lib/site/cached";
import styles from "@/components/site/page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const settings = await getSiteSettings();
  return {
    title: { template: `%s | ${settings.siteName}`, default: settings.siteName },
    description: settings.description,
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: settings.siteName }] } },
  };
}

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const [settings, sections, footerPages] = await Promise.all([getSiteSettings(), listSections(), listFooterPages()]);
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader siteName={settings.siteName} logoUrl={settings.logoUrl} sections={sections} />
      <main id="main" className={styles.main}>
        {children}
      </main>
      <ReadBeacon />
      <SiteFooter siteName={settings.siteName} description={settings.description} sections={sections} pages={footerPages} />
    </>
  );
}
