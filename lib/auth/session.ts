import "server-only";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/auth";
import { getPrimaryDb } from "@/db/client";
import { can, type Permission, type Staff } from "./permissions";
import { findSessionStaff } from "./queries";

/**
 * The signed-in staff member, read fresh from the database: a deactivated account or a changed
 * role takes effect at once, whatever the session token still says, and a token whose session
 * version is no longer the user's (signed out, password reset, role changed) is refused.
 */
export const currentStaff = cache(async (): Promise<Staff | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return findSessionStaff(await getPrimaryDb(), {
    id,
    sessionVersion: session?.user?.sessionVersion ?? -1,
    sessionId: session?.user?.sessionId ?? "",
  });
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
