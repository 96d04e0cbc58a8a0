import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { demoStaff } from "@/scripts/seed/demo";
import * as t from "@/db/schema";
import { createSection, createUser, moveSection, saveSettings, setActive, setRole, updateSection } from "@/lib/admin/actions";
import { addCorrection, editorActions, restoreRevision } from "@/lib/articles/actions";
import { confirmSocialDrop, deleteSocialAccount, refreshNowAction, saveSocialAccount } from "@/lib/social/actions";
import { describeEachDatabase } from "@/test/databases";
import type { ActionContext, StaffAction } from "./action";
import { roles, type Role } from "@/db/schema";
import type { Staff } from "./permissions";

const editor = editorActions(async () => "UTC");
const fresh = () => randomBytes(4).toString("hex");

/** Every row of every table the staff actions write, hashed: any change shows. */
async function fingerprint(db: Db): Promise<string> {
  const tables = ["articles", "article_revisions", "article_tags", "article_corrections", "tags", "users", "sections", "site_settings", "audit_log", "social_accounts"];
  const parts: string[] = [];
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`));
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { h: string }[];
    parts.push(`${table}:${rows[0]!.h}`);
  }
  return parts.join(",");
}

type Case = {
  name: string;
  action: StaffAction;
  allowed: Role[];
  input: (db: Db) => Promise<Record<string, unknown>>;
  /** an allowed call that still reports a problem (a refresh whose network is unreachable) */
  reportsProblem?: boolean;
};

async function publishedArticle(db: Db) {
  const [row] = await db.select().from(t.articles).where(eq(t.articles.status, "published")).orderBy(t.articles.id).limit(1);
  return row!;
}

async function articleFields(db: Db, over: Record<string, unknown> = {}) {
  const [section] = await db.select().from(t.sections).limit(1);
  const [author] = await db.select().from(t.authors).limit(1);
  return { title: `Matrix ${fresh()}`, body: "Body", standfirst: "", sectionId: String(section!.id), authorId: String(author!.id), commentMode: "moderated", tags: "Matrix", ...over };
}

// No network is ever asked: every provider points at a closed loopback port.
const refreshNow = refreshNowAction(() => ({
  mastodonBaseUrl: "http://127.0.0.1:9",
  blueskyBaseUrl: "http://127.0.0.1:9",
  youtubeBaseUrl: "http://127.0.0.1:9",
  facebookBaseUrl: "http://127.0.0.1:9",
  timeoutMs: 500,
}));

async function socialAccount(db: Db, over: Partial<typeof t.socialAccounts.$inferInsert> = {}) {
  const [row] = await db
    .insert(t.socialAccounts)
    .values({ network: "custom", handle: `h-${fresh()}`, profileUrl: "https://example.org/p", noun: "Readers", verb: "Join", count: 5, manual: true, ...over })
    .returning();
  return row!;
}

const cases: Case[] = [
  { name: "Save draft", action: editor.draft, allowed: ["writer", "editor", "admin"], input: (db) => articleFields(db) },
  { name: "Submit for review", action: editor.review, allowed: ["writer", "editor", "admin"], input: (db) => articleFields(db) },
  { name: "Publish", action: editor.publish, allowed: ["editor", "admin"], input: (db) => articleFields(db) },
  {
    name: "Schedule",
    action: editor.schedule,
    allowed: ["editor", "admin"],
    input: (db) => articleFields(db, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString().slice(0, 19) }),
  },
  {
    name: "Unpublish",
    action: editor.unpublish,
    allowed: ["editor", "admin"],
    input: async (db) => {
      // A published article of its own, made directly, for each call.
      const base = await articleFields(db);
      const [row] = await db
        .insert(t.articles)
        .values({ slug: `matrix-${fresh()}`, title: String(base.title), sectionId: Number(base.sectionId), authorId: Number(base.authorId), status: "published", publishedAt: new Date() })
        .returning();
      return { ...base, id: String(row!.id), version: String(row!.version), slug: row!.slug };
    },
  },
  {
    name: "Add correction",
    action: addCorrection,
    allowed: ["editor", "admin"],
    input: async (db) => ({ articleId: String((await publishedArticle(db)).id), body: `A correction ${fresh()}` }),
  },
  {
    name: "Restore revision",
    action: restoreRevision,
    allowed: ["editor", "admin"],
    input: async (db) => {
      const article = await publishedArticle(db);
      const [revision] = await db.select().from(t.articleRevisions).where(eq(t.articleRevisions.articleId, article.id)).limit(1);
      return { articleId: String(article.id), revisionId: String(revision!.id), version: String(article.version) };
    },
  },
  { name: "Create user", action: createUser, allowed: ["admin"], input: async () => ({ email: `u-${fresh()}@example.org`, name: "New", role: "writer" }) },
  {
    name: "Set role",
    action: setRole,
    allowed: ["admin"],
    // An account of this case's own: changing a shared one would make later cases depend on it.
    input: async (db) => {
      const [row] = await db.insert(t.users).values({ email: `r-${fresh()}@example.org`, name: "R", role: "writer", passwordHash: "x" }).returning();
      return { userId: String(row!.id), role: "editor" };
    },
  },
  {
    name: "Deactivate",
    action: setActive,
    allowed: ["admin"],
    input: async (db) => {
      const [row] = await db.insert(t.users).values({ email: `d-${fresh()}@example.org`, name: "D", role: "writer", passwordHash: "x" }).returning();
      return { userId: String(row!.id), active: "false" };
    },
  },
  { name: "Create section", action: createSection, allowed: ["admin"], input: async () => ({ name: `Desk ${fresh()}` }) },
  {
    name: "Rename section",
    action: updateSection,
    allowed: ["admin"],
    input: async (db) => {
      const [s] = await db.select().from(t.sections).where(eq(t.sections.slug, "culture"));
      return { sectionId: String(s!.id), name: `Culture ${fresh()}`, slug: "culture", description: s!.description };
    },
  },
  {
    name: "Reorder section",
    action: moveSection,
    allowed: ["admin"],
    // A section of this case's own, last in the order, so that moving it up always moves it.
    input: async (db) => {
      const [order] = await db.select({ last: sql<number>`coalesce(max(${t.sections.position}), 0)::int` }).from(t.sections);
      const [s] = await db.insert(t.sections).values({ slug: `desk-${fresh()}`, name: `Desk ${fresh()}`, position: order!.last + 1 }).returning();
      return { sectionId: String(s!.id), direction: "up" };
    },
  },
  {
    name: "Save social account",
    action: saveSocialAccount,
    allowed: ["admin"],
    input: async () => ({ network: "newsletter", handle: `n-${fresh()}`, profileUrl: "https://example.org/news", noun: "Subscribers", verb: "Subscribe", count: "1,200", manual: "on", visible: "on" }),
  },
  { name: "Delete social account", action: deleteSocialAccount, allowed: ["admin"], input: async (db) => ({ id: String((await socialAccount(db)).id) }) },
  {
    name: "Confirm a held drop",
    action: confirmSocialDrop,
    allowed: ["admin"],
    input: async (db) => ({ id: String((await socialAccount(db, { network: "bluesky", manual: false, count: 1000, pendingCount: 3 })).id) }),
  },
  { name: "Refresh now", action: refreshNow, allowed: ["admin"], reportsProblem: true, input: async (db) => ({ id: String((await socialAccount(db, { network: "bluesky", manual: false })).id) }) },
  {
    name: "Save settings",
    action: saveSettings,
    allowed: ["admin"],
    input: async () => ({ siteName: `Gazette ${fresh()}`, description: "d", timeZone: "Europe/Paris", defaultCommentMode: "moderated" }),
  },
];

describeEachDatabase("every staff action, with every role and with no session", (database) => {
  const staffByRole = new Map<Role, Staff>();
  beforeAll(async () => {
    for (const s of demoStaff) {
      const [row] = await database().primary.select().from(t.users).where(eq(t.users.email, s.email));
      staffByRole.set(s.role, { id: row!.id, email: row!.email, name: row!.name, role: row!.role });
    }
  });

  for (const c of cases) {
    describe(c.name, () => {
      for (const role of [null, ...roles] as (Role | null)[]) {
        const allowed = role !== null && c.allowed.includes(role);
        it(`${role ?? "no session"}: ${allowed ? "changes data" : "is refused and changes nothing"}`, async () => {
          const db = database().primary;
          const input = await c.input(db);
          const before = await fingerprint(db);
          const revalidated: string[] = [];
          const ctx: ActionContext = { staff: role ? staffByRole.get(role)! : null, db, revalidate: (tags) => revalidated.push(...tags) };
          const result = await c.action.execute(ctx, input);
          const after = await fingerprint(db);
          if (allowed) {
            expect(result.refused).toBeUndefined();
            expect(result.ok, result.message).toBe(!c.reportsProblem);
            expect(after).not.toBe(before);
          } else {
            expect(result.ok).toBe(false);
            expect(result.refused).toBe(role === null ? "unauthenticated" : "forbidden");
            expect(after).toBe(before);
            expect(revalidated).toEqual([]);
          }
        });
      }
    });
  }
}, { seed: { password: "irrelevant-password" } });
