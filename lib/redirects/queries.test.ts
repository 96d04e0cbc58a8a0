import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { makeNewsroom } from "@/test/newsroom";
import { isOwnAddress, listShortRedirectPaths, redirectsVersion } from "./queries";

describeEachDatabase("short old addresses", (database) => {
  it("lists only the one- and two-segment old addresses, and notices a change", async () => {
    const db = database().primary;
    const id = randomBytes(3).toString("hex");
    const before = await redirectsVersion(db);
    const rows = await db
      .insert(t.redirects)
      .values(["/", `/plain-${id}`, `/category/c-${id}`, `/новости-${id}`, `/2024/03/s-${id}`, `/?p=${id}`, `/x-${id}/?page_id=1`].map((fromPath) => ({ fromPath, toPath: "/world" })))
      .returning({ id: t.redirects.id });
    const short = await listShortRedirectPaths(db);
    expect(short).toEqual(expect.arrayContaining([`/plain-${id}`, `/category/c-${id}`, `/новости-${id}`]));
    for (const other of ["/", `/2024/03/s-${id}`, `/?p=${id}`, `/x-${id}/?page_id=1`]) expect(short).not.toContain(other);
    const added = await redirectsVersion(db);
    expect(added).not.toBe(before);
    await db.delete(t.redirects).where(eq(t.redirects.id, rows[1]!.id));
    expect(await redirectsVersion(db)).not.toBe(added);
  });

  it("knows the addresses Gazette's own pages have, so that no old link hides them", async () => {
    const db = database().primary;
    const newsroom = await makeNewsroom(db);
    const story = await newsroom.article({ title: "Own address", hoursAgo: 1, tags: ["own"] });
    const draft = await newsroom.article({ title: "Not yet", hoursAgo: 1, status: "draft" });
    const [about] = await db.insert(t.pages).values({ slug: `about-${newsroom.id}`, title: "About", status: "published" }).returning();
    await db.insert(t.pages).values({ slug: "team", title: "Team", status: "published", parentId: about!.id });
    await db.insert(t.pages).values({ slug: `hidden-${newsroom.id}`, title: "Hidden", status: "draft" });
    const own = [
      `/${newsroom.home.slug}`,
      `/${newsroom.home.slug}/${story.slug}`,
      `/${newsroom.away.slug}/${story.slug}`, // the article page redirects to its own section
      `/${newsroom.home.slug}/feed.xml`,
      `/about-${newsroom.id}`,
      `/about-${newsroom.id}/team`,
      `/author/${newsroom.author.slug}`,
      `/tag/own-${newsroom.id}`,
      "/search",
      "/feed.xml",
      "/newsletters/confirm",
    ];
    for (const path of own) expect(await isOwnAddress(db, path), path).toBe(true);
    const notOwn = [
      `/${newsroom.home.slug}/${draft.slug}`,
      `/hidden-${newsroom.id}`,
      `/about-${newsroom.id}/nobody`,
      `/plain-post-${newsroom.id}`,
      `/category/${newsroom.home.slug}`,
      `/author/wp-login-${newsroom.id}`,
      `/tag/gone-${newsroom.id}`,
      "/feed",
    ];
    for (const path of notOwn) expect(await isOwnAddress(db, path), path).toBe(false);
  });
});
