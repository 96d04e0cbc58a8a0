import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getPrimaryDb } from "@/db/client";
import { checkCredentials, loginInput } from "@/lib/auth/credentials";
import { clientIpHash } from "@/lib/request";
import { authSecret } from "@/lib/env";
import { authUrlFromSiteUrl } from "@/lib/site-origin";
import { authConfig } from "./auth.config";

export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

// A function, so the secret is read (or generated under DATA_DIR) at the first request and
// never during `next build`.
// Redirects use SITE_URL's origin, not the Host header a proxy sent (lib/site-origin.ts).
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  authUrlFromSiteUrl();
  return {
    ...authConfig,
    secret: authSecret(),
    providers: [
      Credentials({
        credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = loginInput.safeParse(raw);
          if (!parsed.success) return null;
          const outcome = await checkCredentials(await getPrimaryDb(), parsed.data, clientIpHash(request.headers));
          if (outcome.ok) return {
              id: String(outcome.staff.id),
              name: outcome.staff.name,
              email: outcome.staff.email,
              role: outcome.staff.role,
              sessionVersion: outcome.sessionVersion,
            };
          if (outcome.reason === "throttled") throw new ThrottledSignIn();
          return null;
        },
      }),
    ],
  };
});
