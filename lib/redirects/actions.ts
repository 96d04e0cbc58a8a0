import { eq } from "drizzle-orm";
import { redirects } from "@/db/schema";
import { audit } from "@/lib/audit";
import { messages, staffAction } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import { redirectIdInput, redirectInput } from "./input";
import { forgetRedirectLookups } from "./lookup";
import { normalizePath } from "./paths";

export const addRedirect = staffAction("site.admin", redirectInput, async (input, ctx) => {
  const fromPath = normalizePath(input.fromPath);
  const values = { fromPath: input.fromPath, toPath: input.toPath };
  if (fromPath === normalizePath(input.toPath)) return { ok: false, message: messages.invalid, errors: { toPath: ["The new address must differ from the old one"] }, values };
  const [existing] = await ctx.db.select({ id: redirects.id }).from(redirects).where(eq(redirects.fromPath, fromPath));
  if (existing) return { ok: false, message: messages.invalid, errors: { fromPath: ["This old address already redirects; delete that one first"] }, values };
  const [row] = await ctx.db.insert(redirects).values({ fromPath, toPath: input.toPath, source: "admin", createdBy: ctx.staff.id }).returning({ id: redirects.id });
  await audit(ctx.db, { actor: ctx.staff, action: "redirect.create", target: { type: "redirect", id: row!.id }, details: { fromPath, toPath: input.toPath } });
  await forgetRedirectLookups();
  ctx.revalidate([tags.redirects]);
  return { ok: true, message: `${fromPath} now redirects to ${input.toPath}.` };
});

export const deleteRedirect = staffAction("site.admin", redirectIdInput, async (input, ctx) => {
  const [row] = await ctx.db.delete(redirects).where(eq(redirects.id, input.redirectId)).returning();
  if (!row) return { ok: false, message: "That redirect was already deleted." };
  await audit(ctx.db, { actor: ctx.staff, action: "redirect.delete", target: { type: "redirect", id: row.id }, details: { fromPath: row.fromPath, toPath: row.toPath } });
  await forgetRedirectLookups();
  ctx.revalidate([tags.redirects]);
  return { ok: true, message: `Deleted the redirect from ${row.fromPath}.` };
});
