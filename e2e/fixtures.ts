import { randomBytes } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import postgres from "postgres";
import { draftArticle, seedArticles } from "../scripts/seed/demo";
import type { SeedArticle } from "../scripts/seed/types";
import { ArticlePage } from "./pages/article-page";
import { ReaderPage, SearchPage } from "./pages/reader";

export { expect };

type Draft = { section: string; slug: string; title: string };

/** The seeded article that shows the most of the page: replies, pending comments, a linked source, tags. */
export function richestArticle(): SeedArticle {
  const found = seedArticles.find(
    (a) =>
      a.source?.url &&
      a.tags.length >= 2 &&
      a.comments?.some((c) => c.status === "approved" && c.replies?.some((r) => r.status === "approved")) &&
      a.comments?.some((c) => c.status === "pending"),
  );
  if (!found) throw new Error("no seeded article has approved replies, a pending comment and a linked source");
  return found;
}

export const test = base.extend<{ articlePage: ArticlePage; reader: ReaderPage; searchPage: SearchPage; draft: Draft }>({
  articlePage: async ({ page }, use) => {
    await use(new ArticlePage(page));
  },
  reader: async ({ page }, use) => {
    await use(new ReaderPage(page));
  },
  searchPage: async ({ page }, use) => {
    await use(new SearchPage(page));
  },
  // A draft of this test's own on PostgreSQL; on the embedded database (which the running
  // server holds) the seeded draft.
  draft: async ({}, use) => {
    const url = process.env.E2E_DATABASE_URL;
    if (!url) {
      await use({ section: draftArticle.section, slug: draftArticle.slug, title: draftArticle.title });
      return;
    }
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const slug = `e2e-draft-${randomBytes(5).toString("hex")}`;
    const title = `Unpublished ${slug}`;
    const [row] = await sql<{ id: number; section: string }[]>`
      insert into articles (slug, title, standfirst, body, status, section_id, author_id)
      select ${slug}, ${title}, 'Not for readers yet.', 'Draft body.', 'draft', s.id, a.id
      from sections s, authors a order by s.id, a.id limit 1
      returning id, (select slug from sections where id = section_id) as section`;
    await use({ section: row!.section, slug, title });
    await sql`delete from articles where id = ${row!.id}`;
    await sql.end();
  },
});
