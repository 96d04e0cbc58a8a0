import type { SectionLink } from "@/lib/site/queries";
import styles from "./site-chrome.module.css";

export function SiteHeader({ siteName, logoUrl, sections }: { siteName: string; logoUrl: string; sections: SectionLink[] }) {
  return (
    <header className={styles.header}>
      <div className={styles.bar}>
        <a href="/" className={styles.brand}>
          {/* Low priority, so not preloaded: the lead story's picture is what a reader waits for. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a small file of the site's own, or an admin's address the optimizer would have to allow-list */}
          <img src={logoUrl} alt="" width={40} height={40} className={styles.logo} fetchPriority="low" decoding="async" />
          {siteName}
        </a>
        <form action="/search" method="get" role="search" aria-label="Site search" className={styles.search}>
          <label htmlFor="site-search" className="visually-hidden">
            Search articles
          </label>
          <input id="site-search" name="q" type="search" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </div>
      <nav aria-label="Sections" className={styles.nav}>
        <ul>
          {sections.map((s) => (
            <li key={s.slug}>
              <a href={`/${s.slug}`}>{s.name}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter({
  siteName,
  description,
  sections,
  pages = [],
}: {
  siteName: string;
  description: string;
  sections: SectionLink[];
  pages?: { title: string; path: string }[];
}) {
  return (
    <footer className={styles.footer}>
      <div className={styles.footerInner}>
        <div>
          <p className={styles.footerBrand}>{siteName}</p>
          <p>{description}</p>
        </div>
        <nav aria-label="Footer">
          <ul>
            {sections.map((s) => (
              <li key={s.slug}>
                <a href={`/${s.slug}`}>{s.name}</a>
              </li>
            ))}
            {pages.map((p) => (
              <li key={p.path}>
                <a href={p.path}>{p.title}</a>
              </li>
            ))}
            <li>
              <a href="/feed.xml">RSS feed</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
