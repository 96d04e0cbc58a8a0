import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { editorActions, uploadBodyImage } from "@/lib/articles/actions";
import type { ActionContext } from "@/lib/auth/action";
import type { Staff } from "@/lib/auth/permissions";
import { describeEachDatabase } from "@/test/databases";
import { avifVariant } from "./images";
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

  it("an image pasted into a draft's body is the draft's: private until the article is public", async () => {
    await editor.draft.execute(ctx("writer@example.com"), { ...base, title: "Pictures Inside" });
    const draft = await articleBySlug("pictures-inside");
    const uploaded = await uploadBodyImage.execute(ctx("writer@example.com"), { articleId: String(draft.id), image: await photo(120, 800) });
    expect(uploaded).toMatchObject({ ok: true });
    const [, , publicId, file] = uploaded.imageUrl!.split("/");
    const width = Number(file!.replace(".webp", ""));
    const body = `Above.\n\n![A photo](${uploaded.imageUrl})\n\nBelow.`;
    await editor.draft.execute(ctx("writer@example.com"), { ...base, id: String(draft.id), version: String(draft.version), title: "Pictures Inside", body });
    const saved = await articleBySlug("pictures-inside");
    expect(saved.bodyMedia).toEqual([publicId]);
    expect(await getMediaVariant(db(), { publicId: publicId!, width })).toMatchObject({ public: false });

    await editor.publish.execute(ctx("editor@example.com"), { ...base, id: String(saved.id), version: String(saved.version), title: "Pictures Inside", body });
    expect(await getMediaVariant(db(), { publicId: publicId!, width })).toMatchObject({ public: true });
    // Taken out of the body again, it is private again.
    const published = await articleBySlug("pictures-inside");
    await editor.publish.execute(ctx("editor@example.com"), { ...base, id: String(published.id), version: String(published.version), title: "Pictures Inside", body: "No picture now." });
    expect(await getMediaVariant(db(), { publicId: publicId!, width })).toMatchObject({ public: false });
  });

  it("a writer may not add an image to someone else's article, and nothing is stored", async () => {
    await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Editors Pictures" });
    const theirs = await articleBySlug("editors-pictures");
    const before = await mediaCount();
    const attempt = await uploadBodyImage.execute(ctx("writer@example.com"), { articleId: String(theirs.id), image: await photo(230) });
    expect(attempt).toMatchObject({ ok: false, refused: "forbidden", message: "Writers can edit only their own articles." });
    expect(await mediaCount()).toBe(before);
    const missing = await uploadBodyImage.execute(ctx("editor@example.com"), { articleId: "999999", image: await photo(231) });
    expect(missing).toMatchObject({ ok: false, message: "This article no longer exists." });
    const notAnImage = await uploadBodyImage.execute(ctx("editor@example.com"), { articleId: String(theirs.id), image: new File(["text"], "a.png") });
    expect(notAnImage).toMatchObject({ ok: false, message: "This file is not an image. Please upload a JPEG, PNG or WebP image." });
  });

  it("an AVIF variant is made from the WebP on first request, and kept", async () => {
    await editor.draft.execute(ctx("editor@example.com"), { ...base, title: "Avif Story", hero: await photo(77, 1000), heroImageAlt: "A photo" });
    const draft = await articleBySlug("avif-story");
    const [, , publicId] = draft.heroImageUrl!.split("/");
    const variant = (await getMediaVariant(db(), { publicId: publicId!, width: 480 }))!;
    const first = await avifVariant(db(), variant.mediaId, variant.width, variant.bytes);
    expect((await sharp(first).metadata()).format).toBe("heif");
    expect((await sharp(first).metadata()).width).toBe(480);
    const kept = await db().select().from(t.mediaVariants).where(eq(t.mediaVariants.mediaId, variant.mediaId));
    expect(kept.filter((v) => v.format === "avif").map((v) => v.width)).toEqual([480]);
    expect(Buffer.compare(await avifVariant(db(), variant.mediaId, variant.width, variant.bytes), first)).toBe(0);
  });
}, { seed: { password: "irrelevant-password" } });
