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

/**
 * Runs a change that may remove an admin, with the active admins' rows locked: two admins
 * demoting each other at once are ordered, and the second sees the first's change and is
 * refused, so the site always keeps one admin.
 */
export async function withAdminsLocked<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from ${users} where ${users.role} = 'admin' and ${users.active} for update`);
    return work(tx);
  });
}

/** Ends every session of the user, on every instance: their tokens carry the old version. */
export const nextSessionVersion = sql`${users.sessionVersion} + 1`;

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
  },
);

export const setActive = staffAction(
  "site.admin",
  z.object({ userId: z.coerce.number().int().positive(), active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async (input, ctx) => {
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
  },
);

/** For a lost laptop or a copied cookie: every session of the user ends at once. */
export const signOutEverywhere = staffAction(
  "site.admin",
  z.object({ userId: z.coerce.number().int().positive() }),
  async (input, ctx) => {
    const [row] = await ctx.db
      .update(users)
      .set({ sessionVersion: nextSessionVersion, updatedAt: new Date() })
      .where(eq(users.id, input.userId))
      .returning({ email: users.email });
    if (!row) return { ok: false, message: "That user does not exist." };
    await audit(ctx.db, { actor: ctx.staff, action: "user.sign-out-everywhere", target: { type: "user", id: input.userId } });
    return { ok: true, message: `${row.email} is signed out everywhere.` };
  },
);
