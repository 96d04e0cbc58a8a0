import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { createSection } from "@/lib/admin/actions";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { addRedirect, deleteRedirect } from "@/lib/redirects/actions";
import { findRedirect } from "@/lib/redirects/queries";
import { describeEachDatabase } from "@/test/databases";
import { saveFooterPages, savePage } from "./actions";
import { getPublishedPage, listFooterPages, listPublishedPages } from "./queries";

describeEachDatabase("static pages and redirects", (database) => {
  const db = () => database().primary as Db;
  const people: Record<string, Staff> = {};
  const ctx = (role: keyof typeof people, revalidated: string[] = []): ActionContext => ({ staff: people[role]!, db: db(), revalidate: (tags) => revalidated.push(...tags) });
  const form = (values: Record<string, string>) => ({ title: "", slug: "", parentId: "", body: "", intent: "draft", ...values });

  beforeAll(async () => {
    for (const role of ["writer", "editor", "admin"] as const) {
      const [u] = await db().insert(t.users).values({ email: `${role}@pages.test`, name: role, role, passwordHash: "x" }).returning();
      people[role] = { id: u!.id, email: u!.email, name: u!.name, role };
    }
    await db().insert(t.sections).values({ slug: "world", name: "World" });
  });

  it("publishes a page at /slug and a child at /parent/slug, with a revision for each save", async () => {
    const revalidated: string[] = [];
    const about = await savePage.execute(ctx("editor", revalidated), form({ title: "About us", body: "We are **here**.", intent: "publish" }));
    expect(about).toMatchObject({ ok: true, message: "Published “About us”." });
    expect(revalidated).toContain("pages");
    const [row] = await db().select().from(t.pages).where(eq(t.pages.slug, "about-us"));
    expect(row?.bodyHtml).toContain("<strong>here</strong>");
    const team = await savePage.execute(ctx("editor"), form({ title: "Team", parentId: String(row!.id), intent: "draft" }));
    expect(team.ok).toBe(true);
    expect(await getPublishedPage(db(), { path: ["about-us", "team"] })).toBeNull();
    const [child] = await db().select().from(t.pages).where(eq(t.pages.slug, "team"));
    await savePage.execute(ctx("editor"), form({ pageId: String(child!.id), title: "Team", parentId: String(row!.id), intent: "publish" }));
    expect((await getPublishedPage(db(), { path: ["about-us", "team"] }))?.title).toBe("Team");
    expect(await getPublishedPage(db(), { path: ["team"] })).toBeNull();
    expect((await listPublishedPages(db())).map((p) => p.path)).toEqual(["/about-us", "/about-us/team"]);
    expect((await db().select().from(t.pageRevisions).where(eq(t.pageRevisions.pageId, child!.id))).map((r) => r.status)).toEqual(["draft", "published"]);

    await savePage.execute(ctx("editor"), form({ pageId: String(row!.id), title: "About us", intent: "unpublish" }));
    expect(await getPublishedPage(db(), { path: ["about-us"] })).toBeNull();
    expect(await getPublishedPage(db(), { path: ["about-us", "team"] })).toBeNull(); // under an unpublished parent
  });

  it("links the footer to the pages an admin chooses, in order, published ones only", async () => {
    for (const [title, intent] of [["Contact", "publish"], ["Privacy", "publish"], ["Corrections", "draft"]] as const) {
      expect((await savePage.execute(ctx("editor"), form({ title, intent }))).ok).toBe(true);
    }
    expect((await saveFooterPages.execute(ctx("editor"), { footerPages: "/contact" })).refused).toBe("forbidden");
    const missing = await saveFooterPages.execute(ctx("admin"), { footerPages: "/privacy, /nowhere" });
    expect(missing).toMatchObject({ ok: false, errors: { footerPages: ["No page at /nowhere"] }, values: { footerPages: "/privacy, /nowhere" } });
    const revalidated: string[] = [];
    expect((await saveFooterPages.execute(ctx("admin", revalidated), { footerPages: "/privacy/, contact\n/corrections" })).ok).toBe(true);
    expect(revalidated).toEqual(expect.arrayContaining(["settings", "pages"]));
    // the draft is chosen but not shown until it is published
    expect(await listFooterPages(db())).toEqual([{ title: "Privacy", path: "/privacy" }, { title: "Contact", path: "/contact" }]);
    expect((await saveFooterPages.execute(ctx("admin"), { footerPages: "" })).ok).toBe(true);
    expect(await listFooterPages(db())).toEqual([]);
  });

  it("refuses a slug of a section, a fixed route or a sibling, and a section refuses a page's slug", async () => {
    const section = await savePage.execute(ctx("editor"), form({ title: "World", slug: "world" }));
    expect(section.errors?.slug).toEqual(["A section is at /world; please choose another slug"]);
    expect(section.values).toMatchObject({ title: "World", slug: "world" });
    const fixed = await savePage.execute(ctx("editor"), form({ title: "Search", slug: "search" }));
    expect(fixed.errors?.slug?.[0]).toMatch(/used by the site itself/);
    const sibling = await savePage.execute(ctx("editor"), form({ title: "About us again", slug: "about-us" }));
    expect(sibling.errors?.slug).toEqual(["Another page already has this address"]);
    const sectionTakingPage = await createSection.execute(ctx("admin"), { name: "About", slug: "about-us", description: "" });
    expect(sectionTakingPage.errors?.slug).toEqual(["A page is at /about-us; please choose another slug"]);
  });

  it("keeps pages two levels deep and lets only editors and admins write them", async () => {
    const [team] = await db().select().from(t.pages).where(eq(t.pages.slug, "team"));
    const deep = await savePage.execute(ctx("editor"), form({ title: "Deep", parentId: String(team!.id) }));
    expect(deep.errors?.parentId).toEqual(["Choose a top-level page as the parent"]);
    const writer = await savePage.execute(ctx("writer"), form({ title: "Mine" }));
    expect(writer).toMatchObject({ ok: false, refused: "forbidden" });
  });

  it("adds and deletes redirects, admins only, looked up in normalized form", async () => {
    expect((await addRedirect.execute(ctx("editor"), { fromPath: "/old/", toPath: "/world" })).refused).toBe("forbidden");
    const added = await addRedirect.execute(ctx("admin"), { fromPath: "/2019/05/caf%C3%A9/", toPath: "/world" });
    expect(added.ok).toBe(true);
    expect(await findRedirect(db(), { path: "/2019/05/café" })).toBe("/world");
    expect(await findRedirect(db(), { path: "/2019/05/caf%c3%a9/" })).toBe("/world");
    const again = await addRedirect.execute(ctx("admin"), { fromPath: "/2019/05/café", toPath: "/x" });
    expect(again.errors?.fromPath?.[0]).toMatch(/already redirects/);
    const offsite = await addRedirect.execute(ctx("admin"), { fromPath: "/a", toPath: "https://evil.example/" });
    expect(offsite.errors?.toPath?.[0]).toMatch(/path on this site/);
    const [row] = await db().select().from(t.redirects).where(eq(t.redirects.toPath, "/world"));
    expect((await deleteRedirect.execute(ctx("admin"), { redirectId: String(row!.id) })).ok).toBe(true);
    expect(await findRedirect(db(), { path: "/2019/05/café" })).toBeNull();
  });
});
