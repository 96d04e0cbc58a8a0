import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Db } from "@/db/client";
import { articleCorrections, articleRevisions, articles, articleTags, authors, commentModes, media, sections, tags, users, type Article } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction, type ActionState, type StaffContext } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { tags as cacheTags } from "@/lib/cache-tags";
import { ImageRejected, imageUrl, storeImage } from "@/lib/media/images";
import { isSlug, slugify } from "@/lib/slug";
import { zonedToUtc } from "@/lib/time";
import { requestBreakingAlert } from "@/lib/newsletters/issues";
import { articleBodyColumns } from "./body";

export const intents = ["draft", "review", "publish", "schedule", "unpublish"] as const;
export type Intent = (typeof intents)[number];

export function savedMessage(intent: string | undefined): string | undefined {
  return intent && (intents as readonly string[]).includes(intent) ? done[intent as Intent] : undefined;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || null);

const id = z.coerce.number().int().positive();

export const articleInput = z.object({
  id: z.union([z.literal(""), id]).optional().transform((v) => (typeof v === "number" ? v : null)),
  version: z.union([z.literal(""), z.coerce.number().int().nonnegative()]).optional().transform((v) => (typeof v === "number" ? v : null)),
  title: z.string().trim().min(1, "Please give the article a title").max(200, "Please keep the title under 200 characters"),
  slug: z
    .string()
    .trim()
    .max(80, "Please keep the slug under 80 characters")
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isSlug(v), "Use lower-case letters, digits and single hyphens, such as city-budget-vote"),
  standfirst: z.string().trim().max(600, "Please keep the standfirst under 600 characters").default(""),
  body: z.string().max(200_000, "The body is too long").default(""),
  sectionId: z.coerce.number().int().positive("Please choose a section"),
  authorId: z.coerce.number().int().positive("Please choose an author"),
  tags: z.string().max(1000).default(""),
  sourceName: optionalText(200),
  sourceUrl: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v || null)
    .pipe(z.url({ protocol: /^https?$/, error: "Please enter a web address starting with http:// or https://" }).nullable()),
  mustRead: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  commentMode: z.enum(["open", "moderated", "closed"], { error: "Please choose how comments work" }),
  heroImageAlt: optionalText(300),
  heroImageCaption: optionalText(500),
  heroImageCredit: optionalText(200),
  removeHero: z.preprocess((v) => v === "on" || v === "true", z.boolean()).default(false),
  hero: z
    .instanceof(File)
    .optional()
    .transform((f) => (f && f.size > 0 ? f : null)),
  scheduledAt: z.string().trim().max(40).optional().default(""),
});

export type ArticleInput = z.output<typeof articleInput>;

/** Tag names typed as "Climate, Energy": trimmed, de-duplicated by slug, at most 20. */
export function parseTagNames(text: string): { name: string; slug: string }[] {
  const seen = new Map<string, string>();
  for (const raw of text.split(",")) {
    const name = raw.trim().replace(/\s+/g, " ").slice(0, 60);
    const slug = slugify(name, 60);
    if (name && slug && !seen.has(slug)) seen.set(slug, name);
  }
  return [...seen].slice(0, 20).map(([slug, name]) => ({ slug, name }));
}

type Snapshot = { slug: string; status: Article["status"]; sectionSlug: string; authorSlug: string; tagSlugs: string[] };

export async function snapshot(db: Db, articleId: number): Promise<Snapshot | null> {
  const [row] = await db
    .select({ slug: articles.slug, status: articles.status, sectionSlug: sections.slug, authorSlug: authors.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(eq(articles.id, articleId));
  if (!row) return null;
  const tagRows = await db
    .select({ slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId));
  return { ...row, tagSlugs: tagRows.map((t) => t.slug) };
}

/** Every cached page an article appears on, before and after a change. */
export function tagsFor(articleId: number, ...states: (Snapshot | null)[]): string[] {
  const visible = states.filter((s): s is Snapshot => !!s && (s.status === "published" || s.status === "scheduled"));
  if (visible.length === 0) return [];
  return [
    cacheTags.article(articleId),
    cacheTags.home,
    cacheTags.feeds,
    cacheTags.mustRead,
    ...visible.flatMap((s) => [
      cacheTags.articleSlug(s.slug),
      cacheTags.section(s.sectionSlug),
      cacheTags.author(s.authorSlug),
      ...s.tagSlugs.map(cacheTags.tag),
    ]),
  ];
}

async function uniqueSlug(db: Db, wanted: string, articleId: number | null): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? wanted : `${wanted.slice(0, 76)}-${n}`;
    const [taken] = await db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, candidate), articleId ? ne(articles.id, articleId) : undefined));
    if (!taken) return candidate;
  }
  throw new Error("no free slug");
}

/** Sets an article's tags to these names, creating the tags that do not exist yet. */
async function setArticleTags(tx: Db, articleId: number, tagNames: { name: string; slug: string }[]) {
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
 * What a revision records beside its text, taken from the article as it was written, so that
 * the history describes the article as it really was and a restore brings exactly that back.
 */
function revisionFields(article: Article, tagNames: string[]) {
  return {
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
  };
}

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

const fail = (message: string, raw: Record<string, unknown>, errors?: Record<string, string[]>): ActionState => ({
  ok: false,
  message,
  errors,
  values: Object.fromEntries(Object.entries(raw).filter(([, v]) => typeof v === "string")) as Record<string, string>,
});

const messagesFor = { slugTaken: "Another article already uses this slug" };

const done: Record<Intent, string> = {
  draft: "Draft saved.",
  review: "Submitted for review. An editor will publish it.",
  publish: "Published.",
  schedule: "Scheduled.",
  unpublish: "Unpublished: the article is a draft again and no longer public.",
};

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
async function saveArticle(
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
      const stored = await storeImage(db, input.hero, staff.id);
      hero = { url: imageUrl(stored), width: stored.width, height: stored.height };
    } catch (error) {
      if (error instanceof ImageRejected) return fail(error.message, raw, { hero: [error.message] });
      throw error;
    }
  }

  const before = input.id ? await snapshot(db, input.id) : null;
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
      const [taken] = await tx
        .select({ id: articles.id })
        .from(articles)
        .where(and(eq(articles.slug, input.slug), input.id ? ne(articles.id, input.id) : undefined));
      if (taken) return fail(messagesFor.slugTaken, raw, { slug: [messagesFor.slugTaken] });
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

    await tx.insert(articleRevisions).values({
      articleId,
      version,
      title: fields.title,
      slug,
      standfirst: fields.standfirst,
      body: fields.body,
      status,
      fields: revisionFields(saved!, tagNames.map((t) => t.name)),
      createdBy: staff.id,
      createdAt: now,
    });
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
      message: done[intent],
      articleId,
      saved: { id: articleId, version, at: now.toISOString() },
      redirectTo: `/editor/articles/${articleId}?saved=${intent}&v=${version}`,
    };
  });

  if (result.ok && result.articleId) {
    const after = await snapshot(db, result.articleId);
    ctx.revalidate(tagsFor(result.articleId, before, after));
  }
  const { articleId: _articleId, ...state } = result;
  return state;
}

/** The editor's five buttons, one staff action each, so that each is authorized on its own. */
export function editorActions(getTimeZone: (db: Db) => Promise<string>) {
  const make = (intent: Intent, permission: "article.write" | "article.publish") =>
    staffAction(permission, articleInput, async (input, ctx, raw) => saveArticle(intent, input, ctx, raw, await getTimeZone(ctx.db)));
  const buttons = {
    draft: make("draft", "article.write"),
    review: make("review", "article.write"),
    publish: make("publish", "article.publish"),
    schedule: make("schedule", "article.publish"),
    unpublish: make("unpublish", "article.publish"),
  } satisfies Record<Intent, unknown>;
  // The editor saves a draft as it is written: a draft save that stays on the page.
  const autosave = staffAction("article.write", articleInput, async (input, ctx, raw) =>
    saveArticle("draft", input, ctx, raw, await getTimeZone(ctx.db), { autosave: true }),
  );
  return { ...buttons, autosave };
}

export const correctionInput = z.object({
  articleId: id,
  body: z.string().trim().min(5, "Please describe the correction").max(2000, "Please keep the correction under 2,000 characters"),
});

/** A correction note: shown on the article as "Correction, DATE: …", and it moves dateModified. */
export const addCorrection = staffAction("article.publish", correctionInput, async (input, ctx) => {
  const before = await snapshot(ctx.db, input.articleId);
  if (before?.status !== "published") return { ok: false, message: "Corrections are for published articles." };
  await ctx.db.transaction(async (tx) => {
    const now = new Date();
    await tx.insert(articleCorrections).values({ articleId: input.articleId, body: input.body, createdBy: ctx.staff.id, createdAt: now });
    await tx.update(articles).set({ revisedAt: now, updatedAt: now }).where(eq(articles.id, input.articleId));
    await audit(tx, { actor: ctx.staff, action: "article.correction", target: { type: "article", id: input.articleId }, details: { body: input.body } });
  });
  ctx.revalidate(tagsFor(input.articleId, before));
  return { ok: true, message: "Correction added." };
});

export const restoreInput = z.object({ articleId: id, revisionId: id, version: z.coerce.number().int() });

/**
 * Restores an earlier revision's text and fields as a new version; the status stays as it is.
 * What cannot come back (a section, author or hero image deleted since, or a slug another
 * article took) stays as it is now, and the new revision records the article as restored.
 */
export const restoreRevision = staffAction("article.edit-any", restoreInput, async (input, ctx) => {
  const before = await snapshot(ctx.db, input.articleId);
  const outcome = await ctx.db.transaction(async (tx): Promise<ActionState> => {
    const [current] = await tx.select().from(articles).where(eq(articles.id, input.articleId)).for("update");
    const [revision] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, input.revisionId), eq(articleRevisions.articleId, input.articleId)));
    if (!current || !revision) return { ok: false, message: "That revision does not exist." };
    if (current.version !== input.version) return { ok: false, message: "The article changed since you opened it; reload and try again." };
    const f = storedFields.parse(revision.fields);
    const [slugTaken] = await tx.select({ id: articles.id }).from(articles).where(and(eq(articles.slug, revision.slug), ne(articles.id, current.id)));
    const [section] = f.sectionId === undefined ? [] : await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, f.sectionId));
    const [author] = f.authorId === undefined ? [] : await tx.select({ id: authors.id }).from(authors).where(eq(authors.id, f.authorId));
    const now = new Date();
    const [row] = await tx
      .update(articles)
      .set({
        title: revision.title,
        slug: slugTaken ? current.slug : revision.slug,
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
    await tx.insert(articleRevisions).values({
      articleId: current.id,
      version: restored.version,
      title: restored.title,
      slug: restored.slug,
      standfirst: restored.standfirst,
      body: restored.body,
      status: restored.status,
      fields: { ...revisionFields(restored, tagNames), restoredFrom: revision.id },
      createdBy: ctx.staff.id,
      createdAt: now,
    });
    await audit(tx, {
      actor: ctx.staff,
      action: "article.restore",
      target: { type: "article", id: current.id },
      details: { revisionId: revision.id, fromVersion: revision.version, version: restored.version },
    });
    return { ok: true, message: `Restored the revision of ${revision.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` };
  });
  if (outcome.ok) ctx.revalidate(tagsFor(input.articleId, before, await snapshot(ctx.db, input.articleId)));
  return outcome;
});

/** The hero image columns for a restore: the revision's image if it is still stored, else today's. */
async function restoredHero(db: Db, current: Article, url: string | null | undefined) {
  if (url === undefined || url === current.heroImageUrl) return {};
  if (url === null) return { heroImageUrl: null, heroImageWidth: null, heroImageHeight: null };
  const mediaId = /^\/media\/(\d{1,9})\//.exec(url)?.[1];
  const [image] = mediaId ? await db.select({ width: media.width, height: media.height }).from(media).where(eq(media.id, Number(mediaId))) : [];
  return image ? { heroImageUrl: url, heroImageWidth: image.width, heroImageHeight: image.height } : {};
}

/** Scheduled articles whose time has come, published by whichever instance gets there first. */
export async function publishDueArticles(db: Db): Promise<{ id: number; tags: string[] }[]> {
  const due = await db.transaction(async (tx) => {
    // SKIP LOCKED: two instances running the scheduler at once never publish the same article twice.
    const rows = await tx.execute<{ id: number }>(sql`
      select id from ${articles}
      where status = 'scheduled' and published_at <= now()
      order by published_at
      limit 50
      for update skip locked`);
    const ids = rowsOf<{ id: number }>(rows).map((r) => Number(r.id));
    if (ids.length === 0) return [];
    await tx.update(articles).set({ status: "published", updatedAt: new Date() }).where(inArray(articles.id, ids));
    for (const articleId of ids) {
      await audit(tx, { actor: null, action: "article.publish-scheduled", target: { type: "article", id: articleId } });
    }
    return ids;
  });
  return Promise.all(due.map(async (articleId) => ({ id: articleId, tags: tagsFor(articleId, await snapshot(db, articleId)) })));
}
