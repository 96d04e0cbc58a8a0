import type { Metadata } from "next";
import { NotFoundPage, notFoundMetadata } from "@/components/ui/not-found-page";
import { parsePage } from "@/lib/pagination";
import { parseQuery } from "@/lib/search/input";
import { SearchView, loadSearch, searchMetadata } from "../../view";

// One page of one search, cached like an article until an article is published, edited or
// withdrawn. Readers ask for `/search?q=…&page=N`; next.config.mjs rewrites that here.
type Props = { params: Promise<{ query: string; page: string }> };

export async function generateStaticParams() {
  return [];
}

// A search is asked for again less often than an article: an hour bounds how long a page
// nobody invalidated (a comment count in a card, say) stays as it was.
export const revalidate = 3600;

/**
 * The query as typed. It reaches the page percent-encoded (the rewritten address is parsed as
 * a URL, which encodes it); the rewrite only accepts queries with no "%" of their own, and
 * next.config.mjs redirects any other request for this address to `/search?q=…`.
 */
function decodeQuery(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

async function parse(params: Props["params"]) {
  const { query, page: rawPage } = await params;
  const page = parsePage(rawPage);
  const text = decodeQuery(query);
  if (page === null || text === null) return null;
  return { parsed: parseQuery(text), page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await parse(params);
  if (!found || (await loadSearch(found.parsed, found.page)) === "past-the-end") return notFoundMetadata;
  return searchMetadata(found.parsed);
}

export default async function SearchResultsPage({ params }: Props) {
  const found = await parse(params);
  if (!found) return <NotFoundPage />;
  const { parsed, page } = found;
  return <SearchView parsed={parsed} page={page} result={await loadSearch(parsed, page)} />;
}
