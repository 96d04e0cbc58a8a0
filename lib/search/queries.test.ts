import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { splitHighlight } from "./input";
import { searchArticles, searchCandidates, searchPageSize, type SearchResult } from "./queries";

const titles = (r: SearchResult) => (r.kind === "results" ? r.hits.map((h) => h.title) : [r.kind]);

describeEachDatabase("search", (database) => {
  let id: string;
  // Every test searches for the room's own made-up word, so other suites' articles never match.
  const w = (word: string) => `${word}${id}`;

  beforeAll(async () => {
    const room = await makeNewsroom(database().primary);
    id = room.id.replace(/[0-9]/g, (d) => "abcdefghij"[Number(d)]!);
    await room.article({ title: `Harbour ${w("zorbflood")} warning`, hoursAgo: 50, body: "Nothing else here." });
    await room.article({ title: "A quiet week", standfirst: `The ${w("zorbflood")} barely mattered.`, hoursAgo: 2 });
    await room.article({ title: "Council minutes", body: `Long text. The ${w("zorbflood")} was mentioned once.`, hoursAgo: 1 });
    await room.article({ title: "Twin one older", body: `${w("twinword")} appears here.`, hoursAgo: 30 });
    await room.article({ title: "Twin two newer", body: `${w("twinword")} appears here.`, hoursAgo: 3 });
    await room.article({ title: "Phrase exact", body: `The ${w("gamma")} ${w("delta")} effect.`, hoursAgo: 4 });
    await room.article({ title: "Phrase apart", body: `${w("delta")} before ${w("gamma")}, not the phrase.`, hoursAgo: 5 });
    await room.article({ title: "Hostile body", body: `<script>alert(1)</script> **${w("hostile")}** [link](javascript:alert(2)) &amp; <b>x</b>`, hoursAgo: 6 });
    await room.article({ title: `Draft ${w("zorbflood")}`, hoursAgo: 1, status: "draft" });
    await room.article({ title: `Scheduled ${w("zorbflood")}`, hoursAgo: -5 });
    for (let i = 0; i < 23; i++) await room.article({ title: `Many ${i}`, body: `${w("manyword")} number ${i}`, hoursAgo: 100 + i });
  });

  const search = (query: string, page = 1) => searchArticles(database().db, { query, page });

  it("ranks a title match above the standfirst, and the standfirst above the body", async () => {
    expect(titles(await search(w("zorbflood")))).toEqual([`Harbour ${w("zorbflood")} warning`, "A quiet week", "Council minutes"]);
  });

  it("matches stems: a plural finds the singular", async () => {
    expect(titles(await search(`${w("zorbflood")}s`))).toHaveLength(3);
  });

  it("orders equally relevant articles newest first", async () => {
    expect(titles(await search(w("twinword")))).toEqual(["Twin two newer", "Twin one older"]);
  });

  it("understands quotes, -word and or as people type them", async () => {
    expect(titles(await search(`"${w("gamma")} ${w("delta")}"`))).toEqual(["Phrase exact"]);
    expect(titles(await search(`${w("gamma")} ${w("delta")}`))).toEqual(["Phrase exact", "Phrase apart"]);
    expect(titles(await search(`${w("twinword")} -older`))).toEqual(["Twin two newer"]);
    expect(titles(await search(`${w("gamma")} or ${w("twinword")}`)).sort()).toEqual(
      ["Phrase apart", "Phrase exact", "Twin one older", "Twin two newer"].sort(),
    );
  });

  it("never finds drafts or articles scheduled for later", async () => {
    const found = titles(await search(w("zorbflood")));
    expect(found).not.toContain(`Draft ${w("zorbflood")}`);
    expect(found).not.toContain(`Scheduled ${w("zorbflood")}`);
  });

  it("highlights the matches in a snippet that carries no markup of the article", async () => {
    const result = await search(w("hostile"));
    expect(result.kind).toBe("results");
    const hit = result.kind === "results" ? result.hits[0]! : undefined;
    const segments = splitHighlight(hit!.snippet);
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual([w("hostile")]);
    const plain = segments.map((s) => s.text).join("");
    expect(plain).not.toMatch(/[*[\]]|javascript:/);
    expect(plain).not.toContain("\u0002");
  });

  it("pages results 20 at a time with the total", async () => {
    const first = await search(w("manyword"));
    const second = await search(w("manyword"), 2);
    const past = await search(w("manyword"), 3);
    expect(first).toMatchObject({ kind: "results", total: 23 });
    expect(titles(first)).toHaveLength(20);
    expect(titles(second)).toEqual(["Many 20", "Many 21", "Many 22"]);
    expect(titles(past)).toEqual([]);
  });

  it("ranks only the newest matches of a very common word, and says that older ones were left out", async () => {
    const db = database().primary;
    const room = await makeNewsroom(db);
    const word = w("everywhereword");
    // The oldest match would rank first (the word in its title), but it is not among the newest.
    await room.article({ title: `${word} ${word} in the title`, body: `${word} ${word} ${word}`, hoursAgo: 5000 });
    await db.execute(sql`
      insert into articles (slug, section_id, author_id, title, body, status, published_at)
      select ${`bulk-${id}-`} || g, ${room.home.id}, ${room.author.id}, 'Bulk ' || g, 'Mentions ' || ${word} || ' once.', 'published', now() - g * interval '1 minute'
      from generate_series(1, ${searchCandidates + 4}) g`);
    const first = await search(word);
    expect(first).toMatchObject({ kind: "results", total: searchCandidates, more: true });
    expect(titles(first)).not.toContain(`${word} ${word} in the title`);
    const lastPage = searchCandidates / searchPageSize;
    // every page holds other articles: together, all the candidates once each
    const ids = new Set<number>();
    for (let page = 1; page <= lastPage; page++) {
      const result = await search(word, page);
      for (const hit of result.kind === "results" ? result.hits : []) ids.add(hit.id);
    }
    expect(ids.size).toBe(searchCandidates);
    expect(titles(await search(word, lastPage + 1))).toEqual([]);
    // A narrower query reaches it.
    expect(titles(await search(`"${word} in the title"`))).toEqual([`${word} ${word} in the title`]);
    expect(await search(w("twinword"))).toMatchObject({ more: false });
  });

  it("says when a query has no searchable word, instead of failing", async () => {
    for (const query of ["the and of", "!!! ??? ...", "-", '""', "or", "& | ! <->"]) {
      expect(await search(query), query).toEqual({ kind: "no-terms" });
    }
  });

  it("survives hostile and malformed queries", async () => {
    for (const query of [`"unclosed ${w("zorbflood")}`, "a:* | b & !c <-> (d", "'; drop table articles; --", "💥 ÿ \u202e ‮ 漢字", "x".repeat(200), "%FF%00"]) {
      const result = await search(query);
      expect(["results", "no-terms"], query).toContain(result.kind);
    }
    expect(titles(await search(`"unclosed ${w("zorbflood")}`))).toEqual([]);
  });
});
