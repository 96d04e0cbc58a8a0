import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, sections } from "@/db/schema";
import { cardColumns, isPublic, toCard, type ArticleCard } from "@/lib/articles/cards";
import { startMark, stopMark } from "./parse";

export const searchPageSize = 20;

export type SearchHit = ArticleCard & { snippet: string };
export type SearchResult =
  /** the query has no searchable word: only punctuation or stop words such as "the" */
  | { kind: "no-terms" }
  | { kind: "results"; total: number; hits: SearchHit[] };

// The body is Markdown: link targets and markup characters would read as noise in a snippet.
// The marker characters are removed from the text first, so only ts_headline's marks remain.
// A sub-heading ends like a sentence, so a snippet does not run it into the next paragraph.
const plainBody = sql`translate(
  regexp_replace(
    regexp_replace(regexp_replace(${articles.body}, '^#+[ \t]*(.*)$', '\\1.', 'gn'), '\\]\\([^)]*\\)', ']', 'g'),
    '[#>*_\`~|\\[\\]]+', ' ', 'g'),
  ${startMark + stopMark}, '')`;
const headlineOptions = `StartSel=${startMark}, StopSel=${stopMark}, MaxWords=40, MinWords=18, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over published articles, as people type queries: "quoted phrases",
 * -excluded words and `or` (websearch_to_tsquery). Ranked by relevance (ts_rank_cd over the
 * weighted title, standfirst and body), then by recency, with highlighted snippets.
 */
export async function searchArticles(db: Db, { query, page }: { query: string; page: number }): Promise<SearchResult> {
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  const [terms] = rowsOf<{ n: number }>(await db.execute(sql`select numnode(${tsquery}) as n`));
  if (!terms || Number(terms.n) === 0) return { kind: "no-terms" };
  const rows = await db
    .select({
      ...cardColumns,
      snippet: sql<string>`ts_headline('english', ${articles.standfirst} || ' ' || ${plainBody}, ${tsquery}, ${headlineOptions})`,
      total: sql<number>`count(*) over ()`,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(and(isPublic(), sql`${articles.search} @@ ${tsquery}`))
    .orderBy(sql`ts_rank_cd(${articles.search}, ${tsquery}) desc`, desc(articles.publishedAt), desc(articles.id))
    .limit(searchPageSize)
    .offset((page - 1) * searchPageSize);
  return {
    kind: "results",
    total: Number(rows[0]?.total ?? 0),
    hits: rows.map((r) => ({ ...toCard(r), snippet: r.snippet })),
  };
}

// postgres-js returns the rows themselves, PGlite an object holding them.
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
