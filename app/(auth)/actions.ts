"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth, signIn, signOut, ThrottledSignIn } from "@/auth";
import { getPrimaryDb } from "@/db/client";
import { isDatabaseUnavailable, withDeadline } from "@/db/deadline";
import type { Role } from "@/db/schema";
import { env } from "@/lib/env";
import { loginInput } from "@/lib/auth/credentials";
import { homeFor } from "@/lib/auth/permissions";
import { endSession, findRoleByEmail } from "@/lib/auth/queries";
import { isSignInReturnPath } from "@/lib/routes.mjs";
import { sessionMaxAgeSeconds } from "@/auth.config";
import type { ActionState } from "@/lib/auth/action";

const invalidCredentials = "Invalid email or password";
const signInUnavailable = "We could not sign you in just now. Please try again in a minute.";

/** Only same-site staff paths: `next` must not send anyone to another origin. */
function safeNext(value: FormDataEntryValue | null): string | null {
  if (typeof value !== "string") return null;
  return isSignInReturnPath(value) ? value : null;
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const email = typeof formData.get("email") === "string" ? (formData.get("email") as string) : "";
  const parsed = loginInput.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values: { email } };
  }
  const waitMs = env().DATABASE_TIMEOUT_MS;
  let role: Role | null = null;
  try {
    // The same bounded wait as every other action: an outage answers with the email as typed.
    await withDeadline(() => signIn("credentials", { ...parsed.data, redirect: false }), waitMs);
    const db = await getPrimaryDb();
    role = await withDeadline(() => findRoleByEmail(db, parsed.data.email), waitMs);
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error("A sign-in could not reach the database:", error);
      return { ok: false, message: signInUnavailable, values: { email } };
    }
    if (error instanceof ThrottledSignIn || (error instanceof AuthError && (error as { code?: string }).code === "throttled")) {
      return {
        ok: false,
        message: "Too many failed sign-ins. For your security, sign-in is paused for a few minutes; try again later.",
        values: { email },
      };
    }
    if (error instanceof AuthError) return { ok: false, message: invalidCredentials, values: { email } };
    throw error;
  }
  redirect(safeNext(formData.get("next")) ?? homeFor(role ?? "writer"));
}

export async function signOutAction() {
  // Deleting the cookie ends nothing for a copy of it: the session is ended in the database.
  const session = await auth();
  if (session?.user?.sessionId) await endSession(await getPrimaryDb(), session.user.sessionId, sessionMaxAgeSeconds);
  await signOut({ redirectTo: "/login" });
}
