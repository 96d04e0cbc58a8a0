import { eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { submitComment } from "@/lib/comments/submit";
import { createThrowawayDatabase } from "@/test/databases";
import { migrationsFolder, openDatabase, type Database } from "./client";
import { articles, comments, sections, authors, siteSettings } from "./schema";

// Two databases on one server stand in for a primary and its replica. They are told apart
// by the site name each holds, so a read shows which one answered; replication itself is
// PostgreSQL's business, not the app's.
const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)("DATABASE_REPLICA_URLS [postgres]", () => {
  let primaryDb: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let replicaDb: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  let database: Database;
  let articleId: number;

  beforeAll(async () => {
    primaryDb = await createThrowawayDatabase(base!, "gazette_primary");
    replicaDb = await createThrowawayDatabase(base!, "gazette_replica");
    for (const [url, name] of [
      [primaryDb.url, "Primary"],
      [replicaDb.url, "Replica"],
    ] as const) {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      const { drizzle } = await import("drizzle-orm/postgres-js");
      const db = drizzle(sql);
      await migrate(db, { migrationsFolder });
      await db.insert(siteSettings).values({ id: 1, siteName: name });
      const [section] = await db.insert(sections).values({ slug: "world", name: "World" }).returning();
      const [author] = await db.insert(authors).values({ slug: "a", name: "A" }).returning();
      const [article] = await db
        .insert(articles)
        .values({ slug: "same-story", title: `${name} story`, sectionId: section!.id, authorId: author!.id, status: "published", publishedAt: new Date(), commentMode: "open" })
        .returning();
      articleId = article!.id;
      await sql.end();
    }
    // The app's own wiring, from the environment it would start with.
    database = await openDatabase(
      parseEnv({ DATABASE_URL: primaryDb.url, DATABASE_REPLICA_URLS: replicaDb.url, NODE_ENV: "test" }),
    );
  });

  afterAll(async () => {
    await database?.close();
    await primaryDb?.drop();
    await replicaDb?.drop();
  });

  it("reads from the replica", async () => {
    const [row] = await database.db.select({ name: siteSettings.siteName }).from(siteSettings);
    expect(row?.name).toBe("Replica");
    const [story] = await database.db.select({ title: articles.title }).from(articles).where(eq(articles.slug, "same-story"));
    expect(story?.title).toBe("Replica story");
  });

  it("reads its own writes from the primary", async () => {
    const [row] = await database.primary.select({ name: siteSettings.siteName }).from(siteSettings);
    expect(row?.name).toBe("Primary");
  });

  it("writes to the primary, whichever handle is used", async () => {
    await database.db.update(siteSettings).set({ description: "written through db" }).where(eq(siteSettings.id, 1));
    const [onPrimary] = await database.primary.select({ d: siteSettings.description }).from(siteSettings);
    const [onReplica] = await database.db.select({ d: siteSettings.description }).from(siteSettings);
    expect(onPrimary?.d).toBe("written through db");
    expect(onReplica?.d).not.toBe("written through db");
  });

  it("stores a comment on the primary (the comment action's path)", async () => {
    const outcome = await submitComment(
      database.primary,
      { articleId, parentId: null, body: "Stored where it belongs.", name: "Reader", email: "reader@example.net", website: null, subject: null, idempotencyKey: undefined },
      { ipHash: null, userAgent: null },
    );
    expect(outcome.ok).toBe(true);
    const onPrimary = await database.primary.select({ body: comments.body }).from(comments);
    const onReplica = await database.db.select({ body: comments.body }).from(comments);
    expect(onPrimary.map((c) => c.body)).toContain("Stored where it belongs.");
    expect(onReplica.map((c) => c.body)).not.toContain("Stored where it belongs.");
  });
});
