import { and, asc, eq, isNull, max, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { pages, sections } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction, type StaffContext } from "@/lib/auth/action";
import { sectionPageTags } from "@/lib/cache/invalidation";
import { reservedSlugs } from "@/lib/routes.mjs";
import { isSlug, slugify } from "@/lib/slug";

const slugField = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => v || "");

const sectionInput = z.object({
  name: z.string().trim().min(1, "Please enter a name").max(60, "Please keep the name under 60 characters"),
  slug: slugField,
  description: z.string().trim().max(300, "Please keep the description under 300 characters").default(""),
});

export async function sectionSlugProblem(db: Db, slug: string, exceptId?: number): Promise<string | null> {
  if (!isSlug(slug)) return "Use lower-case letters, digits and single hyphens";
  // First path segments the app itself uses (the route map): a section there would hide them or be hidden.
  if (reservedSlugs.has(slug)) return `"${slug}" is used by the site itself; please choose another slug`;
  const [taken] = await db.select({ id: sections.id }).from(sections).where(and(eq(sections.slug, slug), exceptId ? ne(sections.id, exceptId) : undefined));
  if (taken) return "Another section already uses this slug";
  const [page] = await db.select({ id: pages.id }).from(pages).where(and(eq(pages.slug, slug), isNull(pages.parentId)));
  return page ? `A page is at /${slug}; please choose another slug` : null;
}

function revalidateSections(ctx: StaffContext, ...slugs: string[]) {
  ctx.revalidate(sectionPageTags(...slugs));
}

export const createSection = staffAction("site.admin", sectionInput, async (input, ctx) => {
  const slug = input.slug || slugify(input.name, 60);
  const problem = await sectionSlugProblem(ctx.db, slug);
  if (problem) return { ok: false, message: "Please correct the highlighted fields.", errors: { slug: [problem] }, values: { name: input.name, description: input.description, slug } };
  const [last] = await ctx.db.select({ position: max(sections.position) }).from(sections);
  const [row] = await ctx.db
    .insert(sections)
    .values({ name: input.name, slug, description: input.description, position: (last?.position ?? -1) + 1 })
    .returning({ id: sections.id });
  await audit(ctx.db, { actor: ctx.staff, action: "section.create", target: { type: "section", id: row!.id }, details: { slug } });
  revalidateSections(ctx, slug);
  return { ok: true, message: `Created the section ${input.name}.` };
});

export const updateSection = staffAction(
  "site.admin",
  sectionInput.extend({ sectionId: z.coerce.number().int().positive() }),
  async (input, ctx) => {
    const [current] = await ctx.db.select().from(sections).where(eq(sections.id, input.sectionId));
    if (!current) return { ok: false, message: "That section does not exist." };
    const slug = input.slug || current.slug;
    const problem = slug === current.slug ? null : await sectionSlugProblem(ctx.db, slug, current.id);
    if (problem) return { ok: false, message: "Please correct the highlighted fields.", errors: { slug: [problem] }, values: { name: input.name, description: input.description, slug } };
    await ctx.db.update(sections).set({ name: input.name, slug, description: input.description }).where(eq(sections.id, current.id));
    await audit(ctx.db, { actor: ctx.staff, action: "section.update", target: { type: "section", id: current.id }, details: { from: current.slug, slug, name: input.name } });
    revalidateSections(ctx, current.slug, slug);
    return { ok: true, message: `Saved ${input.name}.` };
  },
);

export const moveSection = staffAction(
  "site.admin",
  z.object({ sectionId: z.coerce.number().int().positive(), direction: z.enum(["up", "down"]) }),
  async (input, ctx) => {
    const all = await ctx.db.select({ id: sections.id, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
    const index = all.findIndex((s) => s.id === input.sectionId);
    if (index < 0) return { ok: false, message: "That section does not exist." };
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= all.length) return { ok: true, message: "Already there." };
    const order = [...all];
    [order[index], order[target]] = [order[target]!, order[index]!];
    await ctx.db.transaction(async (tx) => {
      for (const [position, s] of order.entries()) await tx.update(sections).set({ position }).where(eq(sections.id, s.id));
    });
    await audit(ctx.db, { actor: ctx.staff, action: "section.reorder", target: { type: "section", id: input.sectionId }, details: { direction: input.direction } });
    revalidateSections(ctx);
    return { ok: true, message: "Order saved." };
  },
);
