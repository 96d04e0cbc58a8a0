import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { seedIfEmpty } from "@/scripts/seed/demo";
import * as t from "@/db/schema";
import { editorActions } from "@/lib/articles/editorial";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { getMediaVariant } from "./queries";

const editor = editorActions(async () => "UTC");

async function photo(shade: number, width = 1600) {
  const bytes = await sharp({ create: { width, height: 900, channels: 3, background: { r: shade, g: 90, b: 40 } } }).jpeg().toBuffer();
  return new File([new Uint8Array(bytes)], "photo.jpg", { type: "image/jpeg" });
}

describeEachDatabase("a draft's images", (database) => {
  const staff = new Map<string, Staff>();
  let base: Record<string, unknown> = {};
  const db = () => database().primary as Db;
  const ctx = (email: string): ActionContext => ({ staff: staff.get(email)!, db: db(), revalidate: () => {} });
  const articleBySlug = async (slug: string) => (await db().select().from(t.articles).where(eq(t.articles.slug, slug)))[0]!;
  const mediaCount = async () => (await db().select({ n: count() }).from(t.media))[0]!.n;

  beforeAll(async () => {
    await seedIfEmpty(db(), { password: "media-password", log: () => {} });
    for (const u of await db().select().from(t.users)) staff.set(u.email, { id: u.id, email: u.email, name: u.name, role: u.role });
    const [section] = await db().select().from(t.sections).limit(1);
    const [author] = await db().select().from(t.authors).limit(1);
    base = { sectionId: String(section!.id), authorId: String(author!.id), commentMode: "moderated", body: "Text", standfirst: "" };
  });

  it("are for staff until the article is public, under an id nobody can count to", async () => {
    const saved = await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Embargoed Story", hero: await photo(10), heroImageAlt: "A photo" });
    expect(saved.ok).toBe(true);
    const draft = await articleBySlug("embargoed-story");
    const [, , publicId, file] = draft.heroImageUrl!.split("/");
    expect(publicId).toMatch(/^[0-9a-f]{32}$/);
    const width = Number(file!.replace(".webp", ""));
    expect(await getMediaVariant(db(), { publicId: publicId!, width })).toMatchObject({ public: false });
    expect(await getMediaVariant(db(), { publicId: publicId!, width: 480 })).toMatchObject({ public: false });

    await editor.publish.execute(ctx("editor@example.com"), { ...base, id: String(draft.id), version: String(draft.version), title: "Embargoed Story", heroImageAlt: "A photo" });
    expect(await getMediaVariant(db(), { publicId: publicId!, width: 480 })).toMatchObject({ public: true });
    const [media] = await db().select().from(t.media).where(eq(t.media.publicId, publicId!));
    expect(await getMediaVariant(db(), { publicId: String(media!.id).padStart(32, "0"), width: 480 })).toBeNull();
  });

  it("a writer's upload to someone else's article is refused before it is stored, and says nothing of its editors", async () => {
    await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Not The Writers" });
    const theirs = await articleBySlug("not-the-writers");
    const before = await mediaCount();
    const attempt = await editor.draft.execute(ctx("writer@example.com"), {
      ...base,
      id: String(theirs.id),
      version: String(theirs.version + 5),
      title: "Mine now",
      hero: await photo(200),
    });
    expect(attempt).toMatchObject({ ok: false, refused: "forbidden", message: "Writers can edit only their own articles." });
    expect(await mediaCount()).toBe(before);
  });
});
