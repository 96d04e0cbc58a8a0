import type { Metadata } from "next";
import { redirectIfMoved } from "@/lib/redirects/cached";
import { ArticleList } from "@/components/site/article-card";
import { NotFoundPage, notFoundMetadata } from "@/components/ui/not-found-page";
import { Pagination } from "@/components/ui/pagination";
import pageStyles from "@/components/site/page.module.css";
import { getAuthor, getSection, getTag, listArticles } from "@/lib/articles/cached";
import { pageSize, type Listing, type ListingKind } from "@/lib/articles/listing";
import { pageCount, pageHref, parsePage } from "@/lib/pagination";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";
import { NewsletterSignup } from "@/components/site/newsletter-signup";
import { shareDefaults } from "@/lib/site/share";

// Section fronts, author pages and tag pages: one shape, twenty articles a page. Page N is
// served at `?page=N` through a rewrite to `…/page/N` (next.config.mjs), so every page is a
// path of its own and is cached like an article.

type Subject = { kind: ListingKind; slug: string; name: string; label: string; intro: string; base: string };

async function findSubject(kind: ListingKind, slug: string): Promise<Subject | null> {
  if (kind === "section") {
    const s = await getSection(slug);
    return s && { kind, slug, name: s.name, label: "Section", intro: s.description, base: `/${slug}` };
  }
  if (kind === "author") {
    const a = await getAuthor(slug);
    return a && { kind, slug, name: a.name, label: "Author", intro: a.bio, base: `/author/${slug}` };
  }
  const t = await getTag(slug);
  return t && { kind, slug, name: t.name, label: "Tag", intro: `Articles tagged “${t.name}”, newest first.`, base: `/tag/${slug}` };
}

export type LoadedListing = { subject: Subject; listing: Listing; page: number; pages: number };

/** The subject and one page of its articles; null (a 404) for an unknown slug, a malformed page or one past the end. */
export async function loadListing(kind: ListingKind, slug: string, rawPage?: string): Promise<LoadedListing | null> {
  const page = rawPage === undefined ? 1 : parsePage(rawPage);
  if (page === null) return null;
  const oldAddress = kind === "section" ? `/${slug}` : `/${kind}/${slug}`;
  // An unknown subject may be an old address (a WordPress category, say): its new one, if so.
  if (!isSlug(slug)) return redirectIfMoved(oldAddress).then(() => null);
  const subject = await findSubject(kind, slug);
  if (!subject) return redirectIfMoved(oldAddress).then(() => null);
  const listing = await listArticles(kind, slug, page);
  if (page > 1 && listing.cards.length === 0) return null;
  return { subject, listing, page, pages: pageCount(listing.total, pageSize) };
}

export async function listingMetadata(loaded: LoadedListing | null): Promise<Metadata> {
  if (!loaded) return notFoundMetadata;
  const { subject, page, pages } = loaded;
  const [{ siteName }, share] = await Promise.all([getSiteSettings(), shareDefaults()]);
  const title = page > 1 ? `${subject.name}, page ${page} of ${pages}` : subject.name;
  const description =
    subject.kind === "author" ? `${subject.name} writes for ${siteName}. ${subject.intro}`.trim() : subject.intro || `${subject.name} on ${siteName}`;
  const url = pageHref(subject.base, page);
  return {
    title,
    description,
    alternates: {
      canonical: url,
      types: subject.kind === "section" ? { "application/rss+xml": [{ url: `${subject.base}/feed.xml`, title: `${subject.name} | ${siteName}` }] } : undefined,
    },
    openGraph: { ...share.openGraph, type: subject.kind === "author" ? "profile" : "website", url, title, description, images: [share.logo] },
    twitter: { ...share.twitter, card: "summary", title, description, images: [share.logo] },
  };
}

export async function ListingView({ loaded }: { loaded: LoadedListing | null }) {
  if (!loaded) return <NotFoundPage />;
  const { subject, listing, page, pages } = loaded;
  const { locale, timeZone } = await getSiteSettings();
  return (
    <div className={pageStyles.listing}>
      <header className={pageStyles.listingHeader}>
        <p className={pageStyles.kicker}>{subject.label}</p>
        <h1 className={pageStyles.pageTitle}>{subject.name}</h1>
        {subject.intro && <p className={pageStyles.lede}>{subject.intro}</p>}
        {subject.kind === "section" && (
          <p className={pageStyles.feedLink}>
            <a href={`${subject.base}/feed.xml`}>RSS feed of {subject.name}</a>
          </p>
        )}
      </header>
      {listing.cards.length === 0 ? (
        <p>No articles yet.</p>
      ) : (
        <ArticleList cards={listing.cards} locale={locale} timeZone={timeZone} headingLevel={2} showSection={subject.kind !== "section"} />
      )}
      <Pagination label="Pagination" page={page} pages={pages} href={(to) => pageHref(subject.base, to)} crawlers />
      {subject.kind === "section" && <NewsletterSignup source={`section:${subject.slug}`} />}
    </div>
  );
}
