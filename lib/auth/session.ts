import "server-only";
import { and, eq } from "drizzle-orm";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { getPrimaryDb } from "@/db/client";
import { users } from "@/db/schema";
import { can, type Permission, type Staff } from "./permissions";

/**
 * The signed-in staff member, read fresh from the database: a deactivated account or a changed
 * role takes effect at once, whatever the session token still says.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const db = await getPrimaryDb();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return user ?? null;
});

/** For staff pages: sends visitors to sign in. */
export async function requireStaff(): Promise<Staff> {
  const staff = await currentStaff();
  if (!staff) {
    const path = (await headers()).get("x-gazette-path") ?? "/editor";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return staff;
}

/** For staff pages: sends visitors to sign in and wrong roles to the 403 page. */
export async function requirePermission(permission: Permission): Promise<Staff> {
  const staff = await requireStaff();
  if (!can(staff.role, permission)) forbidden();
  return staff;
}
