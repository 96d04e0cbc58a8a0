// Fills a benchmark database with N published articles in a few SQL statements. The demo
// seed comes first (sections, authors, tags, staff, social accounts, 30-odd hand-written
// articles); the rest are made from those articles with generate_series, so titles, bodies
// (300 to 900 words of Markdown), sections, authors, tags and comments have realistic sizes
// and spreads without a row-by-row insert.
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "../db/client";
import { seedIfEmpty } from "../scripts/seed/demo";

export type BenchSeed = { articles: number; comments: number; seconds: number };

const commenters = ["Ines Duarte", "Tom Becker", "Amina Yusuf", "Pavel Novak", "Grace Lin", "Omar Haddad", "Lena Vogel", "Sam Carter"];
const commenterArray = sql.raw(`array[${commenters.map((n) => `'${n}'`).join(", ")}]`);


export async function seedBenchmark(db: Db, articles: number, log: (line: string) => void): Promise<BenchSeed> {
  const started = Date.now();
  await seedIfEmpty(db, { password: "bench-password-not-for-use", log: () => {} });
  const [existing] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from articles where status = 'published'`));
  const missing = Math.max(0, articles - (existing?.n ?? 0));
  if (missing > 0) {
    // Maintaining the search (GIN) and listing indexes row by row makes a big insert slow;
    // they are dropped and made again from their own definitions afterwards.
    const rebuild = missing > 20_000;
    const indexes = rebuild
      ? rowsOf<{ name: string; def: string }>(
          await db.execute(sql`
            select indexrelid::regclass::text as name, pg_get_indexdef(indexrelid) as def
            from pg_index where indrelid = 'articles'::regclass and not indisprimary and not indisunique`),
        )
      : [];
    for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
    const batch = 5_000;
    for (let from = 1; from <= missing; from += batch) {
      const to = Math.min(missing, from + batch - 1);
      // Article g is published g × 5 minutes ago (100,000 articles span about a year), in
      // section g mod 7, by author g × 7 mod 6, with the body and title of a demo article.
      await db.execute(sql`
        with src as (
          select array_agg(title order by id) as titles, array_agg(standfirst order by id) as standfirsts,
                 array_agg(body order by id) as bodies, array_agg(body_html order by id) as htmls,
                 array_agg(body_html_version order by id) as html_versions, count(*)::int as n
          from articles where status = 'published'
        ),
        s as (select array_agg(id order by id) as ids, count(*)::int as n from sections),
        a as (select array_agg(id order by id) as ids, count(*)::int as n from authors)
        insert into articles (slug, section_id, author_id, title, standfirst, body, body_html, body_html_version, status, published_at,
                              must_read, comment_mode, created_at, updated_at)
        select 'bench-' || g || '-' || substr(md5(g::text), 1, 6),
               s.ids[1 + g % s.n], a.ids[1 + (g * 7) % a.n],
               src.titles[1 + (g * 13) % src.n] || ' — part ' || g,
               src.standfirsts[1 + (g * 13) % src.n],
               src.bodies[1 + (g * 17) % src.n], src.htmls[1 + (g * 17) % src.n], src.html_versions[1 + (g * 17) % src.n],
               'published', now() - g * interval '5 minutes' - interval '1 hour',
               g % 997 = 0, 'moderated',
               now() - g * interval '5 minutes' - interval '1 hour', now() - g * interval '5 minutes' - interval '1 hour'
        from generate_series(${from}::int, ${to}::int) g, src, s, a`);
      log(`  articles: ${to.toLocaleString("en-US")} of ${missing.toLocaleString("en-US")} made`);
    }
    for (const index of indexes) await db.execute(sql.raw(index.def));
    if (indexes.length > 0) log(`  ${indexes.length} indexes on articles made again`);
    // Two or three tags each, and 0 to 4 approved comments (some with a reply).
    await db.execute(sql`
      with t as (select array_agg(id order by id) as ids, count(*)::int as n from tags)
      insert into article_tags (article_id, tag_id)
      select x.id, t.ids[1 + ((x.id * k) + k) % t.n]
      from articles x, t, generate_series(1, 2 + x.id % 2) k
      where x.slug like 'bench-%'
      on conflict do nothing`);
    await db.execute(sql`
      insert into comments (article_id, author_name, author_email, body, status, created_at)
      select x.id, (${commenterArray})[1 + (x.id + k) % ${commenters.length}],
             'reader' || ((x.id + k) % 500) || '@example.net',
             'A reader''s comment on this story, with a second sentence so that it reads like one. Number ' || k || '.',
             'approved', x.published_at + k * interval '17 minutes'
      from articles x, generate_series(1, x.id % 5) k
      where x.slug like 'bench-%'`);
    await db.execute(sql`
      insert into comments (article_id, parent_id, author_name, author_email, body, status, created_at)
      select c.article_id, c.id, 'Replying Reader', 'replier@example.net', 'A reply to the comment above.', 'approved',
             c.created_at + interval '5 minutes'
      from comments c join articles x on x.id = c.article_id
      where x.slug like 'bench-%' and c.parent_id is null and c.id % 3 = 0`);
  }
  await db.execute(sql`analyze`);
  const [counts] = rowsOf<{ articles: number; comments: number }>(
    await db.execute(sql`select (select count(*)::int from articles where status = 'published') as articles,
                                (select count(*)::int from comments) as comments`),
  );
  return { articles: counts!.articles, comments: counts!.comments, seconds: (Date.now() - started) / 1000 };
}
