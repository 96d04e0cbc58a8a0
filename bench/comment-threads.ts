// Row (k) of `npm run bench`: the first render of an article with 5,000 approved comments
// against the same kind of article with 50 (issue 15). Long threads are paged, so the
// article's cost and bytes should not follow its comment count: target within 1.5×.
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "../db/client";
import { cpuMs, percentile } from "./measure";
import type { Article } from "./comment-post";

export type BusyArticles = { few: Article[]; many: Article[] };

/**
 * Gives `perSize` articles 50 approved comments and as many others 5,000, four in five of them
 * top-level and the rest replies to every fourth of those (the same spread in both, so that
 * a page of 50 threads carries as many replies), with bodies of the demo comments' sizes. The articles are
 * taken from the far end of the order the other rows pick from, so no other row reads them.
 */
export async function seedBusyArticles(db: Db, perSize: number): Promise<BusyArticles> {
  const picked = rowsOf<Article>(
    await db.execute(sql`
      select a.id, a.slug, s.slug as section from articles a join sections s on s.id = a.section_id
      where a.status = 'published' and a.published_at <= now()
      order by md5(a.id::text) desc limit ${perSize * 2}`),
  );
  const few = picked.slice(0, perSize);
  const many = picked.slice(perSize);
  for (const [list, total] of [
    [few, 50],
    [many, 5000],
  ] as const) {
    for (const article of list) {
      await db.execute(sql`delete from comments where article_id = ${article.id}`);
      const top = Math.round(total * 0.8);
      await db.execute(sql`
        insert into comments (article_id, author_name, author_email, body, status, created_at)
        select ${article.id}, 'Reader ' || g, 'reader' || g || '@example.com',
               'Comment ' || g || ': ' || repeat('A considered view on the story, with a reason or two. ', 1 + g % 4),
               'approved', now() - interval '2 days' + g * interval '1 second'
        from generate_series(1, ${top}) g`);
      await db.execute(sql`
        insert into comments (article_id, parent_id, author_name, author_email, body, status, created_at)
        select ${article.id}, p.id, 'Replier ' || p.n, 'replier' || p.n || '@example.com',
               'A reply to comment ' || p.n || ', agreeing in part.', 'approved', now() - interval '1 day' + p.n * interval '1 second'
        from (select id, row_number() over (order by id) as n from comments where article_id = ${article.id} and parent_id is null) p
        where p.n % 4 = 0 and p.n <= 4 * ${total - top}`);
    }
  }
  return { few, many };
}

export type FirstRender = { cpuMs: number; bytes: number; ms: number };

/** Renders each article once (none is cached yet), one at a time: the median CPU, bytes and time. */
export async function measureFirstRenders(base: string, appPid: number, articles: Article[]): Promise<FirstRender> {
  const cpus: number[] = [];
  const bytes: number[] = [];
  const times: number[] = [];
  for (const a of articles) {
    const before = cpuMs(appPid);
    const t0 = performance.now();
    const res = await fetch(`${base}/${a.section}/${a.slug}`);
    const body = await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`/${a.section}/${a.slug} answered ${res.status}`);
    // let what the response leaves behind (cache writes) finish inside the measurement
    await new Promise((done) => setTimeout(done, 20));
    cpus.push(cpuMs(appPid) - before);
    bytes.push(body.byteLength);
  }
  const median = (list: number[]) => percentile([...list].sort((x, y) => x - y), 50);
  return { cpuMs: median(cpus), bytes: median(bytes), ms: median(times) };
}

/** A row's round from {@link measureFirstRenders}, in the table's terms. */
export function asRound(r: FirstRender, requests: number): import("./measure").Round {
  return {
    requests,
    seconds: (r.ms * requests) / 1000,
    rps: 1000 / r.ms,
    p50: r.ms,
    p95: r.ms,
    p99: r.ms,
    errors: 0,
    non2xx: 0,
    statuses: { 200: requests },
    bytesPerResponse: r.bytes,
    cpuPerRequest: r.cpuMs,
  };
}
