import { asc, eq, max } from "drizzle-orm";
import { sections, siteSettings, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction, type StaffContext } from "@/lib/auth/action";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { sectionPageTags, settingsPageTags } from "@/lib/cache/invalidation";
import { slugify } from "@/lib/slug";
import { isLastActiveAdmin, lastAdminMessage, nextSessionVersion, withAdminsLocked } from "./accounts";
import { activeInput, roleInput, sectionInput, sectionMoveInput, sectionUpdateInput, settingsInput, userIdInput, userInput } from "./input";
import { emailTaken, sectionSlugProblem } from "./queries";

// The admin screens' actions: staff accounts, sections and the site's settings.

/** Creates a staff account with a random password that is shown once to the admin. */
export const createUser = staffAction("site.admin", userInput, async (input, ctx) => {
  if (await emailTaken(ctx.db, input.email)) {
    return { ok: false, message: "Please correct the highlighted fields.", errors: { email: ["A user with this email already exists"] }, values: { ...input } };
  }
  const password = generatePassword();
  const [row] = await ctx.db
    .insert(users)
    .values({ ...input, passwordHash: await hashPassword(password) })
    .returning({ id: users.id });
  await audit(ctx.db, { actor: ctx.staff, action: "user.create", target: { type: "user", id: row!.id }, details: { email: input.email, role: input.role } });
  return { ok: true, message: `Created ${input.email}. Their password, shown only now: ${password}` };
});

export const setRole = staffAction("site.admin", roleInput, async (input, ctx) => {
  const outcome = await withAdminsLocked(ctx.db, async (tx) => {
    if (input.role !== "admin" && (await isLastActiveAdmin(tx, input.userId))) return "last-admin" as const;
    const [row] = await tx
      .update(users)
      .set({ role: input.role, sessionVersion: nextSessionVersion, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email });
    return row;
  });
  if (outcome === "last-admin") return { ok: false, message: lastAdminMessage };
  if (!outcome) return { ok: false, message: "That user does not exist." };
  await audit(ctx.db, { actor: ctx.staff, action: "user.set-role", target: { type: "user", id: input.userId }, details: { role: input.role } });
  return { ok: true, message: `${outcome.email} is now ${input.role}.` };
});

export const setActive = staffAction("site.admin", activeInput, async (input, ctx) => {
  const outcome = await withAdminsLocked(ctx.db, async (tx) => {
    if (!input.active && (await isLastActiveAdmin(tx, input.userId))) return "last-admin" as const;
    const [row] = await tx
      .update(users)
      .set({ active: input.active, sessionVersion: nextSessionVersion, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email });
    return row;
  });
  if (outcome === "last-admin") return { ok: false, message: lastAdminMessage };
  if (!outcome) return { ok: false, message: "That user does not exist." };
  await audit(ctx.db, { actor: ctx.staff, action: input.active ? "user.reactivate" : "user.deactivate", target: { type: "user", id: input.userId } });
  return { ok: true, message: `${outcome.email} is ${input.active ? "active again" : "deactivated"}.` };
});

/** For a lost laptop or a copied cookie: every session of the user ends at once. */
export const signOutEverywhere = staffAction("site.admin", userIdInput, async (input, ctx) => {
  const [row] = await ctx.db
    .update(users)
    .set({ sessionVersion: nextSessionVersion, updatedAt: new Date() })
    .where(eq(users.id, input.userId))
    .returning({ email: users.email });
  if (!row) return { ok: false, message: "That user does not exist." };
  await audit(ctx.db, { actor: ctx.staff, action: "user.sign-out-everywhere", target: { type: "user", id: input.userId } });
  return { ok: true, message: `${row.email} is signed out everywhere.` };
});

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

export const updateSection = staffAction("site.admin", sectionUpdateInput, async (input, ctx) => {
  const [current] = await ctx.db.select().from(sections).where(eq(sections.id, input.sectionId));
  if (!current) return { ok: false, message: "That section does not exist." };
  const slug = input.slug || current.slug;
  const problem = slug === current.slug ? null : await sectionSlugProblem(ctx.db, slug, current.id);
  if (problem) return { ok: false, message: "Please correct the highlighted fields.", errors: { slug: [problem] }, values: { name: input.name, description: input.description, slug } };
  await ctx.db.update(sections).set({ name: input.name, slug, description: input.description }).where(eq(sections.id, current.id));
  await audit(ctx.db, { actor: ctx.staff, action: "section.update", target: { type: "section", id: current.id }, details: { from: current.slug, slug, name: input.name } });
  revalidateSections(ctx, current.slug, slug);
  return { ok: true, message: `Saved ${input.name}.` };
});

export const moveSection = staffAction("site.admin", sectionMoveInput, async (input, ctx) => {
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
});

export const saveSettings = staffAction("site.admin", settingsInput, async (input, ctx) => {
  await ctx.db
    .insert(siteSettings)
    .values({ id: 1, ...input, updatedAt: new Date() })
    .onConflictDoUpdate({ target: siteSettings.id, set: { ...input, updatedAt: new Date() } });
  await audit(ctx.db, { actor: ctx.staff, action: "settings.update", target: { type: "settings", id: 1 }, details: input });
  ctx.revalidate([...settingsPageTags]);
  return { ok: true, message: "Settings saved." };
});
