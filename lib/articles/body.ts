import { isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { articles } from "../../db/schema";
import { markdownVersion, renderMarkdown } from "../markdown";

// An article's body is rendered to sanitized HTML when it is saved, not when a page is rendered
// (as Discourse keeps "cooked" posts). The stored HTML is trusted only while the renderer that
// made it is the current one; anything else is rendered again on read, and in the background.

/** What to write with a body: the Markdown and the current renderer's HTML of it. */
export function bodyColumns(body: string) {
  return { body, bodyHtml: renderMarkdown(body), bodyHtmlVersion: markdownVersion };
}

/** An article's body columns: those, and the uploaded images it shows (their privacy follows the article). */
export function articleBodyColumns(body: string) {
  return { ...bodyColumns(body), bodyMedia: mediaIdsIn(body) };
}

/** The public ids of the site's uploaded images (`/media/{id}/…`) a Markdown body links to. */
export function mediaIdsIn(body: string): string[] {
  return [...new Set([...body.matchAll(/\/media\/([0-9a-f]{32})\//g)].map((m) => m[1]!))];
}

type StoredBody = { body: string; bodyHtml: string | null; bodyHtmlVersion: number | null };

/**
 * The stored HTML when the current renderer made it, else the body rendered now. Not HTML
 * from a newer renderer either: a release rolled back for a sanitizer fault must not keep
 * serving what that release stored.
 */
export function bodyHtmlOf(row: StoredBody): string {
  return row.bodyHtml !== null && row.bodyHtmlVersion === markdownVersion ? row.bodyHtml : renderMarkdown(row.body);
}

// Older only: during a rolling deploy that raises the version, instances still on the old one
// leave the newer renderer's rows alone (rendering them on read) instead of writing them back.
const stale = () => or(isNull(articles.bodyHtmlVersion), lt(articles.bodyHtmlVersion, markdownVersion));

/**
 * Renders up to `limit` bodies that the current renderer did not make (articles written before
 * the column existed, or by an older renderer), `batch` at a time. Rows are locked with SKIP
 * LOCKED, so instances doing this at once share the work, and an edit in progress wins.
 * Returns how many were rendered.
 */
export async function renderStaleBodies(db: Db, { limit = Infinity, batch = 100 } = {}): Promise<number> {
  let done = 0;
  while (done < limit) {
    const size = Math.min(batch, limit - done);
    const rendered = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: articles.id, body: articles.body })
        .from(articles)
        .where(stale())
        .orderBy(articles.id)
        .limit(size)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return 0;
      const values = rows.map((r) => sql`(${r.id}::int, ${renderMarkdown(r.body)}::text)`);
      await tx.execute(sql`
        update ${articles} set body_html = v.html, body_html_version = ${markdownVersion}
        from (values ${sql.join(values, sql`, `)}) as v(id, html)
        where ${articles.id} = v.id`);
      return rows.length;
    });
    if (rendered === 0) break;
    done += rendered;
  }
  return done;
}

let caughtUp = false;

/**
 * The background pass's share: a batch of stale bodies, until none is left. Every save
 * stores the current rendering and the renderer's version changes only with a deploy, so
 * once this process finds nothing stale it stops looking (the filter has no index to use).
 */
export async function renderStaleBodiesInBackground(db: Db, batch = 100): Promise<number> {
  if (caughtUp) return 0;
  const rendered = await renderStaleBodies(db, { limit: batch, batch });
  if (rendered < batch) caughtUp = true;
  return rendered;
}

/** How many articles still wait for the current renderer. */
export async function countStaleBodies(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles).where(stale());
  return Number(row?.n ?? 0);
}

