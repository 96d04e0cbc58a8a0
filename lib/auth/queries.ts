import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import type { Staff } from "./permissions";

/**
 * The staff member a session token names, or null when the account is deactivated or the
 * token's session version is no longer the account's (signed out, password reset, role
 * changed, signed out everywhere).
 */
export async function findSessionStaff(db: Db, session: { id: number; sessionVersion: number }): Promise<Staff | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, session.id), eq(users.active, true), eq(users.sessionVersion, session.sessionVersion)));
  return user ?? null;
}
