import { and, count, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { roles, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { generatePassword, hashPassword } from "@/lib/auth/password";

export const userFields = {
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Please enter a valid email address")),
  name: z.string().trim().min(1, "Please enter a name").max(120, "Please keep the name under 120 characters"),
  role: z.enum(roles, { error: "Please choose a role" }),
};

export const lastAdminMessage = "This is the last active admin: make another admin first.";

/** True when `userId` is the only active admin left. */
export async function isLastActiveAdmin(db: Db, userId: number): Promise<boolean> {
  const [others] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)));
  const [self] = await db.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, userId));
  return self?.role === "admin" && self.active && (others?.n ?? 0) === 0;
}

export async function emailTaken(db: Db, email: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return !!row;
}

/** Creates a staff account with a random password that is shown once to the admin. */
export const createUser = staffAction("site.admin", z.object(userFields), async (input, ctx) => {
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

export const setRole = staffAction(
  "site.admin",
  z.object({ userId: z.coerce.number().int().positive(), role: userFields.role }),
  async (input, ctx) => {
    if (input.role !== "admin" && (await isLastActiveAdmin(ctx.db, input.userId))) return { ok: false, message: lastAdminMessage };
    const [row] = await ctx.db.update(users).set({ role: input.role, updatedAt: new Date() }).where(eq(users.id, input.userId)).returning({ email: users.email });
    if (!row) return { ok: false, message: "That user does not exist." };
    await audit(ctx.db, { actor: ctx.staff, action: "user.set-role", target: { type: "user", id: input.userId }, details: { role: input.role } });
    return { ok: true, message: `${row.email} is now ${input.role}.` };
  },
);

export const setActive = staffAction(
  "site.admin",
  z.object({ userId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (input, ctx) => {
    if (!input.active && (await isLastActiveAdmin(ctx.db, input.userId))) return { ok: false, message: lastAdminMessage };
    const [row] = await ctx.db.update(users).set({ active: input.active, updatedAt: new Date() }).where(eq(users.id, input.userId)).returning({ email: users.email });
    if (!row) return { ok: false, message: "That user does not exist." };
    await audit(ctx.db, { actor: ctx.staff, action: input.active ? "user.reactivate" : "user.deactivate", target: { type: "user", id: input.userId } });
    return { ok: true, message: `${row.email} is ${input.active ? "active again" : "deactivated"}.` };
  },
);
