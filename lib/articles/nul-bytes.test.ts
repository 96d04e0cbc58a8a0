import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { describeEachDatabase } from "@/test/databases";
import { parseEditorFilters } from "./input";
import { editorActions } from "./actions";

const editor = editorActions(async () => "UTC");

it("a staff search drops NUL bytes, which PostgreSQL refuses in any text", () => {
  expect(parseEditorFilters({ q: "budget\u0000 vote" }).q).toBe("budget vote");
  expect(parseEditorFilters({ q: "\u0000" }).q).toBeUndefined();
});

describeEachDatabase("a draft with a NUL byte", (database) => {
  const db = () => database().primary as Db;
  let ctx: ActionContext;
  let base: Record<string, string> = {};
  beforeAll(async () => {
    const [u] = await db().select().from(t.users).where(eq(t.users.email, "editor@example.com"));
    ctx = { staff: { id: u!.id, email: u!.email, name: u!.name, role: u!.role }, db: db(), revalidate: () => {} };
    const [section] = await db().select().from(t.sections).limit(1);
    const [author] = await db().select().from(t.authors).limit(1);
    base = { sectionId: String(section!.id), authorId: String(author!.id), commentMode: "moderated", standfirst: "" };
  });

  it("is saved without it, title and body alike", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...base, title: "Null\u0000 island", body: "Text\u0000 here", tags: "Nul\u0000ls" })) form.set(k, v);
    const saved = await editor.draft.execute(ctx, form);
    expect(saved.ok).toBe(true);
    const [row] = await db().select().from(t.articles).where(eq(t.articles.slug, "null-island"));
    expect(row).toMatchObject({ title: "Null island", body: "Text here" });
  });
}, { seed: { password: "irrelevant-password" } });
