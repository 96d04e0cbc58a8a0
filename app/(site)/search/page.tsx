import type { Metadata } from "next";
import { NotFoundPage, notFoundMetadata } from "@/components/not-found-page";
import { parsePage } from "@/lib/pagination";
import { parseQuery } from "@/lib/search/parse";
import { SearchView, loadSearch, searchMetadata } from "./view";

// `/search` with no query, or one that next.config.mjs does not rewrite to the cached
// `/search/<query>/<page>` (it holds "/", "%", "?", "#" or "\\", or is "." or ".."): rendered
// per request, since it reads the query string.
// Declared, not discovered: `next build` would otherwise try to prerender it, and the site
// layout would open the database before the page reached the query string.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = await searchParams;
  const page = params.page === undefined ? 1 : parsePage(params.page);
  if (page === null) return notFoundMetadata;
  const parsed = parseQuery(params.q);
  if ((await loadSearch(parsed, page)) === "past-the-end") return notFoundMetadata;
  return searchMetadata(parsed);
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = parseQuery(params.q);
  const page = params.page === undefined ? 1 : parsePage(params.page);
  // A bad page, or one past the last: a whole page that answers 404 (see NotFoundPage).
  if (page === null) return <NotFoundPage />;
  const result = await loadSearch(parsed, page);
  if (result === "past-the-end") return <NotFoundPage />;
  return <SearchView parsed={parsed} page={page} result={result} />;
}
