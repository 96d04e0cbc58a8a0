// An archive for the end-to-end run, added after the demo seed: enough older articles in one
// section, by one author and under one tag to fill three pages of each listing. They are
// months old, so the front page, Must Read, Related News and the news sitemap do not change.
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as t from "../../db/schema";

export const archive = {
  section: "world",
  author: "amara-okafor",
  tag: { slug: "from-the-archive", name: "From the archive" },
  count: 45,
  /** a word no demo article uses, so search tests can count on it */
  word: "chronicle",
};

const day = 24 * 60 * 60 * 1000;

export async function addArchive(db: Db, now = new Date()) {
  const [section] = await db.select().from(t.sections).where(eq(t.sections.slug, archive.section));
  const [author] = await db.select().from(t.authors).where(eq(t.authors.slug, archive.author));
  if (!section || !author) throw new Error("the demo seed must run first");
  const [tag] = await db.insert(t.tags).values(archive.tag).onConflictDoNothing().returning();
  if (!tag) return; // added before
  for (let i = 1; i <= archive.count; i++) {
    const [row] = await db
      .insert(t.articles)
      .values({
        slug: `archive-report-${i}`,
        title: `Archive report ${i}: the river towns remember`,
        standfirst: `From the ${archive.word} of the river towns, part ${i} of ${archive.count}.`,
        body: `## Part ${i}\n\nThe ${archive.word} continues with memories of the old ferry.\n\n> "We kept every ledger," said a clerk.\n\n- one\n- two`,
        sectionId: section.id,
        authorId: author.id,
        status: "published",
        publishedAt: new Date(now.getTime() - (60 + i) * day),
      })
      .returning({ id: t.articles.id });
    await db.insert(t.articleTags).values({ articleId: row!.id, tagId: tag.id });
  }
}
