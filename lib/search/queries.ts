import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, authors, sections } from "@/db/schema";
import { cardColumns, isPublic, toCard, type ArticleCard } from "@/lib/articles/cards";
import { startMark, stopMark } from "./input";

export const searchPageSize = 20;

/**
 * How many matches are ranked: the newest this many. Ranking reads each match's whole search
 * vector, so ranking every article that holds a common word grows with the archive (about
 * 240 ms for 24,000 matches at 100,000 articles); the newest thousand keep a search near
 * 50 ms at any size, and a reader rarely pages past fifty pages of results.
 */
export const searchCandidates = 1000;

export type SearchHit = ArticleCard & { snippet: string };
export type SearchResult =
  /** the query has no searchable word: only punctuation or stop words such as "the" */
  | { kind: "no-terms" }
  /** total counts at most {@link searchCandidates}; `more` says that older matches were left out */
  | { kind: "results"; total: number; more: boolean; hits: SearchHit[] };

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
 * -excluded words and `or` (websearch_to_tsquery). The newest {@link searchCandidates}
 * matches are ranked by relevance (ts_rank_cd over the weighted title, standfirst and body),
 * then by recency; only the page shown gets highlighted snippets.
 */
export async function searchArticles(db: Db, { query, page }: { query: string; page: number }): Promise<SearchResult> {
  const tsquery = sql`websearch_to_tsquery('english', ${query})`;
  // A select, not db.execute: with read replicas drizzle sends every execute to the primary.
  const [terms] = await db.select({ n: sql<number>`numnode(${tsquery})` }).from(sql`(values (1)) as one (x)`);
  if (!terms || Number(terms.n) === 0) return { kind: "no-terms" };
  // The newest matches, one more than are ranked: the extra one tells that older matches were left out.
  const candidates = db.$with("candidates").as(
    db
      .select({ id: sql<number>`${articles.id}`.as("candidate_id"), publishedAt: sql<Date>`${articles.publishedAt}`.as("candidate_published_at") })
      .from(articles)
      .where(and(isPublic(), sql`${articles.search} @@ ${tsquery}`))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      .limit(searchCandidates + 1),
  );
  const pool = db.$with("pool").as(
    db.select().from(candidates).orderBy(desc(candidates.publishedAt), desc(candidates.id)).limit(searchCandidates),
  );
  // The page shown, ranked among the pool.
  const shown = db.$with("shown").as(
    db
      .select({
        id: sql<number>`${pool.id}`.as("shown_id"),
        publishedAt: sql<Date>`${pool.publishedAt}`.as("shown_published_at"),
        rank: sql<number>`ts_rank_cd(${articles.search}, ${tsquery})`.as("rank"),
        total: sql<number>`(select count(*)::int from ${candidates})`.as("total"),
      })
      .from(pool)
      .innerJoin(articles, eq(articles.id, pool.id))
      .orderBy(sql`rank desc`, desc(pool.publishedAt), desc(pool.id))
      .limit(searchPageSize)
      .offset((page - 1) * searchPageSize),
  );
  const rows = await db
    .with(candidates, pool, shown)
    .select({
      ...cardColumns,
      // ts_headline reads the whole body again, so it runs for the rows shown only.
      snippet: sql<string>`ts_headline('english', ${articles.standfirst} || ' ' || ${plainBody}, ${tsquery}, ${headlineOptions})`,
      total: shown.total,
    })
    .from(shown)
    .innerJoin(articles, eq(articles.id, shown.id))
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .orderBy(desc(shown.rank), desc(shown.publishedAt), desc(shown.id));
  const counted = Number(rows[0]?.total ?? 0);
  return {
    kind: "results",
    total: Math.min(counted, searchCandidates),
    more: counted > searchCandidates,
    hits: rows.map((r) => ({ ...toCard(r), snippet: r.snippet })),
  };
}
