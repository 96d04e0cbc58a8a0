import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

// The rules of staff accounts that the users screen and `npm run users` share (so no
// server-only here): the site always keeps an active admin, and a change of role or status
// ends the account's sessions.

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
