import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePage } from "@/lib/pagination";
import { queryOfSearchKey, type ParsedQuery } from "@/lib/search/parse";
import { SearchView, loadSearch, searchMetadata } from "../../view";

// One page of one search, cached like an article until an article is published, edited or
// withdrawn. Readers ask for `/search?q=…&page=N`; proxy.ts rewrites that here.
type Props = { params: Promise<{ key: string; page: string }> };

export async function generateStaticParams() {
  return [];
}

// A search is asked for again less often than an article: an hour bounds how long a page
// nobody invalidated (a comment count in a card, say) stays as it was.
export const revalidate = 3600;

function parse(key: string, rawPage: string): { parsed: ParsedQuery; page: number } {
  const text = queryOfSearchKey(key);
  const page = parsePage(rawPage);
  if (text === null || page === null) notFound();
  return { parsed: { kind: "query", text }, page };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { key, page } = await params;
  return searchMetadata(parse(key, page).parsed);
}

export default async function SearchResultsPage({ params }: Props) {
  const { key, page: rawPage } = await params;
  const { parsed, page } = parse(key, rawPage);
  return <SearchView parsed={parsed} page={page} result={await loadSearch(parsed, page)} />;
}
