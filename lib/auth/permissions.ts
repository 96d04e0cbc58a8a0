import type { Role } from "@/db/schema";

/**
 * Who may do what. Writers draft; editors also publish and moderate; moderators
 * only moderate; admins do everything. Every staff action names one of these.
 */
export const permissions = {
  "article.write": ["writer", "editor", "admin"],
  "article.publish": ["editor", "admin"],
  "article.edit-any": ["editor", "admin"],
  "comment.moderate": ["moderator", "editor", "admin"],
  "page.manage": ["editor", "admin"],
  "site.admin": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (permissions[permission] as readonly Role[]).includes(role);
}

/** The first staff page a role should land on after signing in. */
export function homeFor(role: Role): string {
  return role === "moderator" ? "/moderation" : role === "writer" ? "/editor" : "/dashboard";
}

export type Staff = { id: number; email: string; name: string; role: Role };
