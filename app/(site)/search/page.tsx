import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/lib/pagination";
import { parseQuery } from "@/lib/search/input";
import { SearchView, loadSearch, searchMetadata } from "./view";

// `/search` with no query, or one that next.config.mjs does not rewrite to the cached
// `/search/<query>/<page>` (it holds "/", "%", "?", "#" or "\\", or is "." or ".."): rendered
// per request, since it reads the query string.
// Declared, not discovered: `next build` would otherwise try to prerender it, and the site
// layout would open the database before the page reached the query string.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(parseQuery((await searchParams).q));
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = parseQuery(params.q);
  const page = params.page === undefined ? 1 : parsePage(params.page);
  // Rendered per request, this page cannot answer 404 with a whole page itself (see
  // NotFoundPage): Next.js sends an empty document, which scripts/server.mjs replaces with the
  // site's cached not-found page (scripts/whole-not-found.mjs).
  if (page === null) notFound();
  const result = await loadSearch(parsed, page);
  if (result === "past-the-end") notFound();
  return <SearchView parsed={parsed} page={page} result={result} />;
}
