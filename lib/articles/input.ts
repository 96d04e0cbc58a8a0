import { z } from "zod";
import { articleStatuses, type ArticleStatus } from "@/db/schema";
import { isSlug, slugify } from "@/lib/slug";

// What the newsroom's article forms and filters accept.

/** The article editor's five buttons. */
export const intents = ["draft", "review", "publish", "schedule", "unpublish"] as const;
export type Intent = (typeof intents)[number];

/** What the editor says once a button's save went through. */
export const savedMessages: Record<Intent, string> = {
  draft: "Draft saved.",
  review: "Submitted for review. An editor will publish it.",
  publish: "Published.",
  schedule: "Scheduled.",
  unpublish: "Unpublished: the article is a draft again and no longer public.",
};

/** The confirmation for the `saved` the editor's address carries after a save, if it names a button. */
export function savedMessage(intent: string | undefined): string | undefined {
  return intent && (intents as readonly string[]).includes(intent) ? savedMessages[intent as Intent] : undefined;
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

export const correctionInput = z.object({
  articleId: id,
  body: z.string().trim().min(5, "Please describe the correction").max(2000, "Please keep the correction under 2,000 characters"),
});

export const restoreInput = z.object({ articleId: id, revisionId: id, version: z.coerce.number().int() });

export const bodyImageInput = z.object({
  articleId: z.coerce.number().int().positive("Save the draft before adding images"),
  image: z.instanceof(File, { error: "Please choose an image" }),
});

export const editorPageSize = 25;

export type EditorFilters = { status?: ArticleStatus; section?: number; author?: number; q?: string; page: number };

export function parseEditorFilters(params: Record<string, string | string[] | undefined>): EditorFilters {
  const one = (k: string) => (typeof params[k] === "string" ? (params[k] as string) : undefined);
  const num = (k: string) => {
    const v = Number(one(k));
    return Number.isInteger(v) && v > 0 && v < 1e9 ? v : undefined;
  };
  const status = one("status");
  return {
    status: (articleStatuses as readonly string[]).includes(status ?? "") ? (status as ArticleStatus) : undefined,
    section: num("section"),
    author: num("author"),
    // without NUL bytes, which PostgreSQL refuses in any text
    q: one("q")?.replace(/\u0000/g, "").trim().slice(0, 200) || undefined,
    page: Math.min(num("page") ?? 1, 100_000),
  };
}
