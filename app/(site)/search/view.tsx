import type { Metadata } from "next";
import { NotFoundPage } from "@/components/ui/not-found-page";
import { Pagination } from "@/components/ui/pagination";
import { SearchHits } from "@/components/site/search-hits";
import pageStyles from "@/components/site/page.module.css";
import styles from "@/components/site/search.module.css";
import { pageCount, pageHref } from "@/lib/pagination";
import { searchArticles } from "@/lib/search/cached";
import { maxQueryLength, type ParsedQuery } from "@/lib/search/input";
import { searchPageSize, type SearchResult } from "@/lib/search/queries";
import { getSiteSettings } from "@/lib/site/cached";

// The search page, shared by its two routes: `/search/<query>/<page>`, where next.config.mjs
// rewrites `/search?q=…&page=N` so that each search is a cached page like an article, and
// `/search` itself (no query, or one with a character that would change the path's shape),
// rendered per request.

export function searchMetadata(parsed: ParsedQuery): Metadata {
  const title = parsed.kind === "query" ? `Search: ${parsed.text}` : "Search";
  return {
    title,
    description: "Search every published article.",
    alternates: { canonical: "/search" },
    // Result pages are endless variations of the same articles: crawlers follow, not index.
    robots: { index: false, follow: true },
    openGraph: { type: "website", url: "/search", title },
    twitter: { card: "summary", title },
  };
}

/** The results for a query (none for an empty or too-long one); "past-the-end" (a 404) after the last page. */
export async function loadSearch(parsed: ParsedQuery, page: number): Promise<SearchResult | null | "past-the-end"> {
  const result = parsed.kind === "query" ? await searchArticles(parsed.text, page) : null;
  if (result?.kind === "results" && page > 1 && result.hits.length === 0) return "past-the-end";
  return result;
}

export async function SearchView({ parsed, page, result }: { parsed: ParsedQuery; page: number; result: SearchResult | null | "past-the-end" }) {
  if (result === "past-the-end") return <NotFoundPage />;
  const { locale, timeZone } = await getSiteSettings();
  const typed = parsed.kind === "query" ? parsed.text : "";

  return (
    <div className={styles.page}>
      <h1 className={pageStyles.pageTitle}>Search</h1>
      <form action="/search" method="get" role="search" aria-label="Search the articles" className={styles.form}>
        <label htmlFor="search-query">Search for</label>
        <div className={styles.row}>
          <input id="search-query" name="q" type="search" defaultValue={typed} maxLength={maxQueryLength} aria-describedby="search-tips" />
          <button type="submit">Search</button>
        </div>
        <p id="search-tips" className={styles.tips}>
          Put a phrase in <code>&quot;quotes&quot;</code>, leave a word out with <code>-word</code>, and match either of two words
          with <code>or</code>.
        </p>
      </form>
      <div role="status" className={styles.status}>
        {parsed.kind === "empty" && <p>Type a word or a phrase to search every published article.</p>}
        {parsed.kind === "too-long" && (
          <p>
            That search is {parsed.length.toLocaleString(locale)} characters long. Searches can be up to {maxQueryLength} characters:
            try a few distinctive words.
          </p>
        )}
        {result?.kind === "no-terms" && (
          <p>
            “<bdi>{typed}</bdi>” has no words to search for: very common words (such as “the” or “and”) and punctuation are left
            out. Try more specific words.
          </p>
        )}
        {result?.kind === "results" && result.total === 0 && (
          <p>
            No articles match “<bdi>{typed}</bdi>”. Check the spelling, or try fewer or other words.
          </p>
        )}
        {result?.kind === "results" && result.more && (
          <p>
            More than {result.total.toLocaleString(locale)} articles match “<bdi>{typed}</bdi>”: these are the newest{" "}
            {result.total.toLocaleString(locale)}, most relevant first{page > 1 && `, page ${page}`}. Add a word or a “phrase” to find
            older ones.
          </p>
        )}
        {result?.kind === "results" && result.total > 0 && !result.more && (
          <p>
            {result.total === 1 ? "1 article matches" : `${result.total.toLocaleString(locale)} articles match`} “<bdi>{typed}</bdi>”
            {page > 1 && `, page ${page}`}.
          </p>
        )}
      </div>
      {result?.kind === "results" && result.hits.length > 0 && (
        <>
          <SearchHits hits={result.hits} locale={locale} timeZone={timeZone} />
          <Pagination label="Pagination" page={page} pages={pageCount(result.total, searchPageSize)} href={(to) => pageHref("/search", to, { q: typed })} crawlers />
        </>
      )}
    </div>
  );
}
