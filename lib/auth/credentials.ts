import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { hashPassword, verifyPassword } from "./password";
import type { Staff } from "./permissions";
import { admitSignIn, recordSignInSuccess } from "./throttle";

export const loginInput = z.object({
  email: z.string().trim().min(1, "Please enter your email").max(254).pipe(z.email("Please enter a valid email address")),
  password: z.string().min(1, "Please enter your password").max(1024),
});

export type SignInOutcome =
  | { ok: true; staff: Staff; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

// Verifying against this when the email is unknown makes both failures take the same time.
let decoy: Promise<string> | undefined;

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all
 * answer alike. The attempt is counted against the account and the address before the
 * password is checked (lib/auth/throttle.ts), so parallel guesses cannot outrun the count and
 * a throttled address costs the server no scrypt.
 */
export async function checkCredentials(
  db: Db,
  input: { email: string; password: string },
  ipHash: string | null,
): Promise<SignInOutcome> {
  const admission = await admitSignIn(db, input.email, ipHash);
  if (!admission.admitted) return { ok: false, reason: "throttled", retryAfterSeconds: admission.retryAfterSeconds };

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${input.email})`);
  decoy ??= hashPassword("decoy password that matches nothing");
  const valid = await verifyPassword(input.password, user?.passwordHash ?? (await decoy));
  if (!user || !valid || !user.active) {
    if (admission.waitSeconds > 0) {
      await audit(db, {
        actor: null,
        action: "auth.throttled",
        target: user ? { type: "user", id: user.id } : undefined,
        details: { email: input.email.toLowerCase(), ipHash, waitSeconds: admission.waitSeconds },
      });
    }
    return { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(db, input.email, ipHash);
  await db.update(users).set({ lastLoginAt: new Date() }).where(and(eq(users.id, user.id)));
  await audit(db, { actor: user, action: "auth.sign-in", target: { type: "user", id: user.id } });
  return {
    ok: true,
    staff: { id: user.id, email: user.email, name: user.name, role: user.role },
    sessionVersion: user.sessionVersion,
  };
}
