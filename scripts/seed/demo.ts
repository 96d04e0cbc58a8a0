import { count, sql } from "drizzle-orm";
import { generatePassword, hashPassword } from "../../lib/auth/password";
import { slugify } from "../../lib/slug";
import { articleBodyColumns } from "../../lib/articles/body";
import type { Db } from "../../db/client";
import { addDemoHeroImages } from "./heroes";
import * as t from "../../db/schema";
import { batchA } from "./articles/batch-a";
import { batchB } from "./articles/batch-b";
import { draftArticle } from "./draft";
import { demoNewsletters } from "./newsletters";
import { authors, sections, socialAccounts } from "./fixtures";
import type { SeedArticle, SeedComment } from "./types";
import { shippedModel } from "../../lib/comments/classifier/shipped";
import { classifierFinding } from "../../lib/comments/classifier/store";

export const seedArticles: SeedArticle[] = [...batchA, ...batchB];
export { draftArticle };

export const demoStaff = [
  { email: "admin@example.com", name: "Ada Whitfield", role: "admin", author: null },
  { email: "editor@example.com", name: "Lukas Brenner", role: "editor", author: "lukas-brenner" },
  { email: "moderator@example.com", name: "Noor Haddad", role: "moderator", author: null },
  { email: "writer@example.com", name: "Daniel Hart", role: "writer", author: "daniel-hart" },
] as const;

export type SeedOptions = {
  /** the demo accounts' shared password (SEED_PASSWORD); absent, each gets its own random one */
  password?: string;
  now?: Date;
  log?: (line: string) => void;
};

export type SeedResult =
  | { seeded: false }
  | { seeded: true; /** each demo account's password */ passwords: Record<string, string>; generated: boolean };

const minute = 60_000;
const day = 24 * 60 * minute;

function publicationTime(article: SeedArticle, now: Date): Date {
  const start = new Date(now.getTime() - article.daysAgo * day);
  start.setUTCHours(article.hour, (article.slug.length * 7) % 60, 0, 0);
  // An article "published today" at an hour still to come is moved to just before now.
  const latest = now.getTime() - (30 + (article.slug.length % 30)) * minute;
  return new Date(Math.min(start.getTime(), latest));
}

/**
 * Fills an empty database with the demo newsroom: sections, authors, articles, tags,
 * comments, social accounts and the demo staff. A database with any section or user in it is
 * left alone, so running the seed twice changes nothing.
 */
export async function seedIfEmpty(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const now = options.now ?? new Date();
  const chosen = options.password;
  // No shared, known password: absent a chosen one, each account gets its own.
  const passwords = Object.fromEntries(demoStaff.map((s) => [s.email, chosen ?? generatePassword()]));
  const hashes = new Map(
    await Promise.all(demoStaff.map(async (s) => [s.email, await hashPassword(passwords[s.email]!)] as const)),
  );

  const seeded = await db.transaction(async (tx) => {
    // Two processes seeding one server at once would both see it empty; the lock serializes them.
    await tx.execute(sql`select pg_advisory_xact_lock(7262001)`);
    const [users] = await tx.select({ n: count() }).from(t.users);
    const [secs] = await tx.select({ n: count() }).from(t.sections);
    if ((users?.n ?? 0) > 0 || (secs?.n ?? 0) > 0) return false;

    await tx.insert(t.siteSettings).values({ id: 1 }).onConflictDoNothing();

    const staff = await tx
      .insert(t.users)
      .values(demoStaff.map((s) => ({ email: s.email, name: s.name, role: s.role, passwordHash: hashes.get(s.email)! })))
      .returning({ id: t.users.id, email: t.users.email });
    const userIdFor = (email: string) => staff.find((s) => s.email === email)?.id ?? null;
    const adminId = userIdFor("admin@example.com");

    const sectionRows = await tx
      .insert(t.sections)
      .values(sections.map((s, i) => ({ ...s, position: i })))
      .returning({ id: t.sections.id, slug: t.sections.slug });
    const authorRows = await tx
      .insert(t.authors)
      .values(
        authors.map((a) => {
          const linked = demoStaff.find((s) => s.author === a.slug);
          return { ...a, userId: linked ? userIdFor(linked.email) : null };
        }),
      )
      .returning({ id: t.authors.id, slug: t.authors.slug, userId: t.authors.userId });
    const sectionId = (slug: string) => sectionRows.find((s) => s.slug === slug)!.id;
    const author = (slug: string) => authorRows.find((a) => a.slug === slug)!;

    const tagNames = [...new Set([...seedArticles, draftArticle].flatMap((a) => a.tags))];
    const tagRows = await tx
      .insert(t.tags)
      .values(tagNames.map((name) => ({ name, slug: slugify(name) })))
      .returning({ id: t.tags.id, name: t.tags.name });
    const tagId = (name: string) => tagRows.find((r) => r.name === name)!.id;

    const all = [
      ...seedArticles.map((a) => ({ ...a, status: "published" as const, publishedAt: publicationTime(a, now) })),
      { ...draftArticle, daysAgo: 0, hour: 0, status: "draft" as const, publishedAt: null, comments: [] },
    ];
    for (const a of all) {
      const by = author(a.author).userId ?? adminId;
      const [row] = await tx
        .insert(t.articles)
        .values({
          slug: a.slug,
          title: a.title,
          standfirst: a.standfirst,
          ...articleBodyColumns(a.body),
          sectionId: sectionId(a.section),
          authorId: author(a.author).id,
          status: a.status,
          publishedAt: a.publishedAt,
          sourceName: a.source?.name ?? null,
          sourceUrl: a.source?.url ?? null,
          mustRead: a.mustRead ?? false,
          createdBy: by,
          updatedBy: by,
          createdAt: a.publishedAt ?? now,
          updatedAt: a.publishedAt ?? now,
        })
        .returning({ id: t.articles.id });
      const articleId = row!.id;
      if (a.tags.length > 0) {
        await tx.insert(t.articleTags).values(a.tags.map((name) => ({ articleId, tagId: tagId(name) })));
      }
      await tx.insert(t.articleRevisions).values({
        articleId,
        version: 1,
        title: a.title,
        slug: a.slug,
        standfirst: a.standfirst,
        body: a.body,
        status: a.status,
        fields: { section: a.section, author: a.author, tags: a.tags, source: a.source ?? null },
        createdBy: by,
        createdAt: a.publishedAt ?? now,
      });
      if (a.publishedAt) await insertComments(tx, articleId, a.publishedAt, a.comments ?? [], now);
    }

    await tx.insert(t.newsletters).values(demoNewsletters.map((n) => ({ ...n, digestCursor: now })));
    await tx.insert(t.socialAccounts).values(
      socialAccounts.map((s, i) => ({ ...s, position: i, fetchedAt: new Date(now.getTime() - 3 * 60 * minute) })),
    );
    await tx.insert(t.auditLog).values({
      action: "site.seed",
      actorEmail: "system",
      details: { articles: all.length, staff: demoStaff.map((s) => s.email) },
    });
    return true;
  });

  if (!seeded) return { seeded: false };
  await addDemoHeroImages(db, seedArticles);
  log(`Seeded the demo newsroom: ${seedArticles.length} published articles, 1 draft, ${demoStaff.length} staff accounts.`);
  if (!chosen) {
    // Printed once, as nobody could sign in otherwise; a chosen SEED_PASSWORD is never printed.
    const lines = demoStaff.map((s) => `    ${s.email.padEnd(24)} ${passwords[s.email]}`).join("\n");
    log(
      `Demo staff passwords, shown only once:\n\n${lines}\n\n` +
        `Set SEED_PASSWORD before the first start to choose one, or change them with \`npm run users -- reset-password\`.`,
    );
  }
  return { seeded: true, passwords, generated: !chosen };
}

async function insertComments(db: Db, articleId: number, publishedAt: Date, list: SeedComment[], now: Date) {
  const time = (m: number) => new Date(Math.min(publishedAt.getTime() + m * minute, now.getTime() - minute));
  for (const c of list) {
    const [parent] = await db
      .insert(t.comments)
      .values({ ...toRow(c, articleId), createdAt: time(c.minutesAfter) })
      .returning({ id: t.comments.id });
    if (c.replies?.length) {
      await db.insert(t.comments).values(
        c.replies.map((r) => ({ ...toRow(r, articleId), parentId: parent!.id, createdAt: time(r.minutesAfter) })),
      );
    }
  }
}

function toRow(c: SeedComment, articleId: number) {
  return {
    articleId,
    authorName: c.name,
    authorEmail: c.email,
    authorWebsite: c.website ?? null,
    body: c.body,
    status: c.status,
    // Scored as a new comment would be, so that the demo's spam waits with the classifier's reason.
    spamReasons: c.status === "pending" ? classifierFinding(shippedModel(), [c.body, c.website ?? ""].filter(Boolean).join("\n")).map((f) => f.reason) : [],
  };
}
