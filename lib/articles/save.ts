import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articleRevisions, articles, articleTags, authors, sections, tags, users, type Article } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { ActionState, StaffContext } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { articlePageTags, getArticlePlacement } from "@/lib/cache/invalidation";
import { imageUrl } from "@/lib/media/addresses";
import { ImageRejected, storeImage } from "@/lib/media/images";
import { slugify } from "@/lib/slug";
import { zonedToUtc } from "@/lib/time";
import { requestBreakingAlert } from "@/lib/newsletters/issues";
import { articleBodyColumns } from "./body";
import { parseTagNames, savedMessages, type ArticleInput, type Intent } from "./input";

// One save of the article editor, with the version check, the revision it records and the
// slug and tags it settles; ./revisions.ts restores and corrects through the same pieces.

/** Whether another article than `exceptId` already has this slug. */
export async function slugTaken(db: Db, slug: string, exceptId: number | null): Promise<boolean> {
  const [taken] = await db
    .select({ id: articles.id })
    .from(articles)
    .where(and(eq(articles.slug, slug), exceptId ? ne(articles.id, exceptId) : undefined));
  return !!taken;
}

async function uniqueSlug(db: Db, wanted: string, articleId: number | null): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 76)}-${n}`;
    if (!(await slugTaken(db, candidate, articleId))) return candidate;
  }
  throw new Error("no free slug");
}

/** Sets an article's tags to these names, creating the tags that do not exist yet. */
export async function setArticleTags(tx: Db, articleId: number, tagNames: { name: string; slug: string }[]) {
  if (tagNames.length > 0) {
    await tx.insert(tags).values(tagNames).onConflictDoNothing({ target: tags.slug });
  }
  const tagRows = tagNames.length
    ? await tx.select({ id: tags.id }).from(tags).where(inArray(tags.slug, tagNames.map((t) => t.slug)))
    : [];
  await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
  if (tagRows.length) await tx.insert(articleTags).values(tagRows.map((t) => ({ articleId, tagId: t.id })));
}

/**
 * Records the article as just written as its revision of that version. Beside the text it
 * keeps the fields as they really are, so that the history describes the article as it was and
 * a restore brings exactly that back.
 */
export async function recordRevision(
  tx: Db,
  article: Article,
  { tagNames, staffId, at, restoredFrom }: { tagNames: string[]; staffId: number; at: Date; restoredFrom?: number },
) {
  await tx.insert(articleRevisions).values({
    articleId: article.id,
    version: article.version,
    title: article.title,
    slug: article.slug,
    standfirst: article.standfirst,
    body: article.body,
    status: article.status,
    fields: {
      sectionId: article.sectionId,
      authorId: article.authorId,
      tags: tagNames,
      sourceName: article.sourceName,
      sourceUrl: article.sourceUrl,
      mustRead: article.mustRead,
      commentMode: article.commentMode,
      heroImageUrl: article.heroImageUrl,
      heroImageAlt: article.heroImageAlt,
      heroImageCaption: article.heroImageCaption,
      heroImageCredit: article.heroImageCredit,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      ...(restoredFrom === undefined ? {} : { restoredFrom }),
    },
    createdBy: staffId,
    createdAt: at,
  });
}

const fail = (message: string, raw: Record<string, unknown>, errors?: Record<string, string[]>): ActionState => ({
  ok: false,
  message,
  errors,
  values: Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>,
});

const messagesFor = { slugTaken: "Another article already uses this slug" };

/** Why a writer may not change this article, or null when they may. */
export function writerRefusal(article: Pick<Article, "createdBy" | "status">, staffId: number): string | null {
  if (article.createdBy !== staffId) return "Writers can edit only their own articles.";
  if (article.status === "published" || article.status === "scheduled") {
    return "This article is published or scheduled; an editor makes changes to it now.";
  }
  return null;
}

/**
 * One save of the article editor. Every save checks the version the editor started from (so
 * a second editor's save cannot silently overwrite the first), stores a revision, writes the
 * audit log and expires every cached page the article is or was on.
 */
export async function saveArticle(
  intent: Intent,
  input: ArticleInput,
  ctx: StaffContext,
  raw: Record<string, unknown>,
  timeZone: string,
  { autosave = false } = {},
): Promise<ActionState> {
  const { db, staff } = ctx;
  const tagNames = parseTagNames(input.tags);
  let scheduledAt: Date | null = null;
  if (intent === "schedule") {
    scheduledAt = zonedToUtc(input.scheduledAt, timeZone);
    if (!scheduledAt) return fail("Please choose when to publish.", raw, { scheduledAt: ["Please choose a date and time"] });
    if (scheduledAt.getTime() <= Date.now()) {
      return fail("Please choose a time in the future.", raw, { scheduledAt: ["Please choose a time in the future"] });
    }
  }

  // A writer's upload for someone else's article is refused before its bytes are stored.
  if (input.id && !can(staff.role, "article.edit-any")) {
    const [owned] = await db.select({ createdBy: articles.createdBy, status: articles.status }).from(articles).where(eq(articles.id, input.id));
    const refusal = owned && writerRefusal(owned, staff.id);
    if (refusal) return { ...fail(refusal, raw), refused: "forbidden" };
  }

  let hero: { url: string; width: number; height: number } | null = null;
  if (input.hero && !autosave) {
    try {
      const stored = await storeImage(db, input.hero, staff.id, { offTheClock: ctx.offTheClock });
      hero = { url: imageUrl(stored), width: stored.width, height: stored.height };
    } catch (error) {
      if (error instanceof ImageRejected) return fail(error.message, raw, { hero: [error.message] });
      throw error;
    }
  }

  const before = input.id ? await getArticlePlacement(db, input.id) : null;
  const result = await db.transaction(async (tx): Promise<ActionState & { articleId?: number }> => {
    let current: Article | undefined;
    if (input.id) {
      [current] = await tx.select().from(articles).where(eq(articles.id, input.id)).for("update");
      if (!current) return fail("This article no longer exists.", raw);
      // Ownership before the version: who last edited someone else's article is not a writer's to learn.
      const refusal = can(staff.role, "article.edit-any") ? null : writerRefusal(current, staff.id);
      if (refusal) return { ...fail(refusal, raw), refused: "forbidden" };
      // Autosave keeps a draft; it never takes an article out of review or off the site.
      if (autosave && current.status !== "draft") return fail("Autosave is for drafts: use the buttons below to save.", raw);
      if (current.version !== input.version) {
        const [by] = current.updatedBy ? await tx.select({ name: users.name }).from(users).where(eq(users.id, current.updatedBy)) : [];
        const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone }).format(current.updatedAt);
        return fail(
          `This article was changed by ${by?.name ?? "someone else"} at ${when}. Your text is still here: copy what you need, then reload to see their version.`,
          raw,
        );
      }
    }
    if (intent === "unpublish" && current?.status !== "published" && current?.status !== "scheduled") {
      return fail("Only a published or scheduled article can be unpublished.", raw);
    }

    const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, input.sectionId));
    if (!section) return fail("Please choose a section.", raw, { sectionId: ["Please choose a section"] });
    const [author] = await tx.select({ id: authors.id }).from(authors).where(eq(authors.id, input.authorId));
    if (!author) return fail("Please choose an author.", raw, { authorId: ["Please choose an author"] });

    let slug: string;
    if (input.slug) {
      if (await slugTaken(tx, input.slug, input.id)) return fail(messagesFor.slugTaken, raw, { slug: [messagesFor.slugTaken] });
      slug = input.slug;
    } else {
      const derived = slugify(input.title);
      if (!derived) return fail("Please type a slug: the title has no letters to make one from.", raw, { slug: ["Please type a slug"] });
      slug = await uniqueSlug(tx, derived, input.id);
    }

    const now = new Date();
    const wasLive = current?.status === "published";
    const status: Article["status"] =
      intent === "publish" ? "published" : intent === "schedule" ? "scheduled" : intent === "review" ? "review" : "draft";
    const publishedAt =
      intent === "publish" ? (wasLive ? current!.publishedAt : now) : intent === "schedule" ? scheduledAt : intent === "unpublish" ? null : (current?.publishedAt ?? null);
    const fields = {
      slug,
      title: input.title,
      standfirst: input.standfirst,
      ...articleBodyColumns(input.body),
      sectionId: input.sectionId,
      authorId: input.authorId,
      sourceName: input.sourceName,
      sourceUrl: input.sourceUrl,
      mustRead: input.mustRead,
      commentMode: input.commentMode,
      heroImageAlt: input.heroImageAlt,
      heroImageCaption: input.heroImageCaption,
      heroImageCredit: input.heroImageCredit,
      ...(hero ? { heroImageUrl: hero.url, heroImageWidth: hero.width, heroImageHeight: hero.height } : {}),
      ...(input.removeHero && !hero && !autosave ? { heroImageUrl: null, heroImageWidth: null, heroImageHeight: null } : {}),
      status,
      publishedAt,
      // An edit to a live article shows as "Updated".
      revisedAt: wasLive && intent === "publish" ? now : intent === "unpublish" ? null : (current?.revisedAt ?? null),
      updatedBy: staff.id,
      updatedAt: now,
    };

    const [saved] = current
      ? await tx.update(articles).set({ ...fields, version: current.version + 1 }).where(eq(articles.id, current.id)).returning()
      : await tx.insert(articles).values({ ...fields, version: 1, createdBy: staff.id, createdAt: now }).returning();
    const { id: articleId, version } = saved!;
    await setArticleTags(tx, articleId, tagNames);
    await recordRevision(tx, saved!, { tagNames: tagNames.map((t) => t.name), staffId: staff.id, at: now });
    await audit(tx, {
      actor: staff,
      action: autosave ? "article.autosave" : `article.${intent}`,
      target: { type: "article", id: articleId },
      details: { title: fields.title, version, status, ...(scheduledAt ? { scheduledAt: scheduledAt.toISOString() } : {}) },
    });
    if ((intent === "publish" || intent === "schedule") && raw.breaking === "on") await requestBreakingAlert(tx, articleId, staff.id);
    // The editor reloads the saved article; the address carries the confirmation to show.
    return {
      ok: true,
      message: savedMessages[intent],
      articleId,
      saved: { id: articleId, version, at: now.toISOString() },
      redirectTo: `/editor/articles/${articleId}?saved=${intent}&v=${version}`,
    };
  });

  if (result.ok && result.articleId) {
    const after = await getArticlePlacement(db, result.articleId);
    ctx.revalidate(articlePageTags(result.articleId, before, after));
  }
  const { articleId: _articleId, ...state } = result;
  return state;
}
