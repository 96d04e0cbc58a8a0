import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { articleCorrections, articleRevisions, articles, articleTags, authors, commentModes, media, sections, tags, type Article } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { ActionState, StaffContext } from "@/lib/auth/action";
import { articlePageTags, getArticlePlacement } from "@/lib/cache/invalidation";
import { parseImageUrl } from "@/lib/media/addresses";
import { articleBodyColumns } from "./body";
import { parseTagNames, type correctionInput, type restoreInput } from "./input";
import { recordRevision, setArticleTags, slugTaken } from "./save";

// An article's history: restoring an earlier revision, and the correction notes of a
// published article.

// Revisions saved by older code may lack a field or hold another shape: such a field is kept
// as the article has it now rather than failing the restore.
const kept = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const storedFields = z.object({
  sectionId: kept(z.number().int()),
  authorId: kept(z.number().int()),
  tags: kept(z.array(z.string())),
  sourceName: kept(z.string().nullable()),
  sourceUrl: kept(z.string().nullable()),
  mustRead: kept(z.boolean()),
  commentMode: kept(z.enum(commentModes)),
  heroImageUrl: kept(z.string().nullable()),
  heroImageAlt: kept(z.string().nullable()),
  heroImageCaption: kept(z.string().nullable()),
  heroImageCredit: kept(z.string().nullable()),
});

/** A correction note: shown on the article as "Correction, DATE: …", and it moves dateModified. */
export async function addCorrection(input: z.output<typeof correctionInput>, ctx: StaffContext): Promise<ActionState> {
  const before = await getArticlePlacement(ctx.db, input.articleId);
  if (before?.status !== "published") return { ok: false, message: "Corrections are for published articles." };
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    await tx.insert(articleCorrections).values({ articleId: input.articleId, body: input.body, createdBy: ctx.staff.id, createdAt: now });
    await tx.update(articles).set({ revisedAt: now, updatedAt: now }).where(eq(articles.id, input.articleId));
    await audit(tx, { actor: ctx.staff, action: "article.correction", target: { type: "article", id: input.articleId }, details: { body: input.body } });
  });
  ctx.revalidate(articlePageTags(input.articleId, before));
  return { ok: true, message: "Correction added." };
}

/**
 * Restores an earlier revision's text and fields as a new version; the status stays as it is.
 * What cannot come back (a section, author or hero image deleted since, or a slug another
 * article took) stays as it is now, and the new revision records the article as restored.
 */
export async function restoreRevision(input: z.output<typeof restoreInput>, ctx: StaffContext): Promise<ActionState> {
  const before = await getArticlePlacement(ctx.db, input.articleId);
  const outcome = await ctx.db.transaction(async (tx): Promise<ActionState> => {
    const [current] = await tx.select().from(articles).where(eq(articles.id, input.articleId)).for("update");
    const [revision] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, input.articleId)));
    if (!current || !revision) return { ok: false, message: "That revision does not exist." };
    if (current.version !== input.version) return { ok: false, message: "The article changed since you opened it; reload and try again." };
    const f = storedFields.parse(revision.fields);
    const slugIsTaken = await slugTaken(tx, revision.slug, current.id);
    const [section] = f.sectionId === undefined ? [] : await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, f.sectionId));
    const [author] = f.authorId === undefined ? [] : await tx.select({ id: authors.id }).from(authors).where(eq(authors.id, f.authorId));
    const now = new Date();
    const [row] = await tx
      .update(articles)
      .set({
        title: revision.title,
        slug: slugIsTaken ? current.slug : revision.slug,
        standfirst: revision.standfirst,
        ...articleBodyColumns(revision.body),
        sectionId: section?.id ?? current.sectionId,
        authorId: author?.id ?? current.authorId,
        sourceName: f.sourceName === undefined ? current.sourceName : f.sourceName,
        sourceUrl: f.sourceUrl === undefined ? current.sourceUrl : f.sourceUrl,
        mustRead: f.mustRead ?? current.mustRead,
        commentMode: f.commentMode ?? current.commentMode,
        ...(await restoredHero(tx, current, f.heroImageUrl)),
        heroImageAlt: f.heroImageAlt === undefined ? current.heroImageAlt : f.heroImageAlt,
        heroImageCaption: f.heroImageCaption === undefined ? current.heroImageCaption : f.heroImageCaption,
        heroImageCredit: f.heroImageCredit === undefined ? current.heroImageCredit : f.heroImageCredit,
        version: current.version + 1,
        updatedBy: ctx.staff.id,
        updatedAt: now,
        revisedAt: current.status === "published" ? now : current.revisedAt,
      })
      .where(eq(articles.id, current.id))
      .returning();
    const restored = row!;
    let tagNames: string[];
    if (f.tags === undefined) {
      const rows = await tx.select({ name: tags.name }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, current.id));
      tagNames = rows.map((r) => r.name);
    } else {
      const parsed = parseTagNames(f.tags.join(","));
      await setArticleTags(tx, current.id, parsed);
      tagNames = parsed.map((t) => t.name);
    }
    await recordRevision(tx, restored, { tagNames, staffId: ctx.staff.id, at: now, restoredFrom: revision.id });
    await audit(tx, {
      actor: ctx.staff,
      action: "article.restore",
      target: { type: "article", id: current.id },
      details: { revisionId: revision.id, fromVersion: revision.version, version: restored.version },
    });
    return { ok: true, message: `Restored the revision of ${revision.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
  if (outcome.ok) ctx.revalidate(articlePageTags(input.articleId, before, await getArticlePlacement(ctx.db, input.articleId)));
  return outcome;
}

/**
 * The hero image columns for a restore: the revision's image if it is still stored, else
 * today's. Images are addressed by their public id (`/media/{public id}/{width}.webp`);
 * revisions saved before public ids (migration 0010) name the image by its sequential id, and
 * such an image comes back under its public address, as the old one no longer answers.
 */
async function restoredHero(db: Db, current: Article, url: string | null | undefined) {
  if (url === undefined || url === current.heroImageUrl) return {};
  if (url === null) return { heroImageUrl: null, heroImageWidth: null, heroImageHeight: null };
  const address = parseImageUrl(url) ?? sequentialAddress(url);
  if (!address) return {};
  const [image] = await db
    .select({ publicId: media.publicId, width: media.width, height: media.height })
    .from(media)
    .where("publicId" in address ? eq(media.publicId, address.publicId) : eq(media.id, address.id));
  return image ? { heroImageUrl: `/media/${image.publicId}/${address.width}.webp`, heroImageWidth: image.width, heroImageHeight: image.height } : {};
}

/** A hero address from before public ids: `/media/{sequential id}/{width}.webp`. */
function sequentialAddress(url: string) {
  const match = /^\/media\/(\d{1,9})\/(\d{1,5})\.webp$/.exec(url);
  return match ? { id: Number(match[1]), width: Number(match[2]) } : null;
}
