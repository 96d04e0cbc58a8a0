import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";

const hour = 60 * 60 * 1000;

/**
 * A small newsroom made for one test: its own sections, author and tags with unique slugs, so
 * tests sharing a database never see each other's articles through these.
 */
export async function makeNewsroom(db: Db) {
  const id = randomBytes(4).toString("hex");
  const sections = await db
    .insert(t.sections)
    .values([
      { slug: `home-news-${id}`, name: `Home News ${id}` },
      { slug: `away-news-${id}`, name: `Away News ${id}` },
    ])
    .returning();
  const [author] = await db.insert(t.authors).values({ slug: `writer-${id}`, name: `Writer ${id}` }).returning();
  const tagIds = new Map<string, number>();

  async function tagId(name: string) {
    const known = tagIds.get(name);
    if (known) return known;
    const [row] = await db.insert(t.tags).values({ slug: `${name}-${id}`, name: `${name} ${id}` }).returning();
    tagIds.set(name, row!.id);
    return row!.id;
  }

  return {
    id,
    home: sections[0]!,
    away: sections[1]!,
    author: author!,
    /** An article published `hoursAgo` hours ago (negative: scheduled in the future). */
    async article(a: {
      title: string;
      standfirst?: string;
      body?: string;
      section?: "home" | "away";
      hoursAgo: number;
      tags?: string[];
      mustRead?: boolean;
      status?: t.ArticleStatus;
      approvedComments?: number;
      pendingComments?: number;
    }) {
      const slug = `${a.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${randomBytes(3).toString("hex")}`;
      const [row] = await db
        .insert(t.articles)
        .values({
          slug,
          title: a.title,
          standfirst: a.standfirst ?? "",
          body: a.body ?? "",
          sectionId: (a.section === "away" ? sections[1]! : sections[0]!).id,
          authorId: author!.id,
          status: a.status ?? "published",
          publishedAt: new Date(Date.now() - a.hoursAgo * hour),
          mustRead: a.mustRead ?? false,
        })
        .returning({ id: t.articles.id, slug: t.articles.slug, title: t.articles.title });
      for (const name of a.tags ?? []) await db.insert(t.articleTags).values({ articleId: row!.id, tagId: await tagId(name) });
      const comment = (status: "approved" | "pending", i: number) => ({
        articleId: row!.id,
        authorName: `Reader ${i}`,
        authorEmail: `reader${i}@example.net`,
        body: `Comment ${i}`,
        status,
      });
      const comments = [
        ...Array.from({ length: a.approvedComments ?? 0 }, (_, i) => comment("approved", i)),
        ...Array.from({ length: a.pendingComments ?? 0 }, (_, i) => comment("pending", i)),
      ];
      if (comments.length > 0) await db.insert(t.comments).values(comments);
      return row!;
    },
  };
}
