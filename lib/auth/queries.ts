import "server-only";
import { and, eq, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { endedSessions, users } from "@/db/schema";
import type { Staff } from "./permissions";

export type SessionClaims = { id: number; sessionVersion: number; sessionId: string };

/**
 * The staff member a session token names, or null when the account is deactivated, the
 * session was signed out, or the token's session version is no longer the account's
 * (password reset, role changed, signed out everywhere). One statement: it runs on every
 * staff request.
 */
export async function findSessionStaff(db: Db, session: SessionClaims): Promise<Staff | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(
      and(
        eq(users.id, session.id),
        eq(users.active, true),
        eq(users.sessionVersion, session.sessionVersion),
        notExists(db.select({ one: sql`1` }).from(endedSessions).where(eq(endedSessions.sessionId, session.sessionId))),
      ),
    );
  return user ?? null;
}

/** Signing out: this session, and any copy of its cookie, is refused from now on. */
export async function endSession(db: Db, sessionId: string, maxAgeSeconds: number) {
  if (!sessionId) return;
  await db
    .insert(endedSessions)
    .values({ sessionId, expiresAt: new Date(Date.now() + maxAgeSeconds * 1000) })
    .onConflictDoNothing();
}

/** Ended sessions whose tokens have expired by now need no remembering. */
export async function pruneEndedSessions(db: Db): Promise<number> {
  const rows = await db.delete(endedSessions).where(lt(endedSessions.expiresAt, new Date())).returning({ id: endedSessions.sessionId });
  return rows.length;
}

/** The role of the account with this email (any case), for where to land after signing in. */
export async function findRoleByEmail(db: Db, email: string): Promise<Staff["role"] | null> {
  const [user] = await db.select({ role: users.role }).from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return user?.role ?? null;
}
