import type { NextAuthConfig } from "next-auth";
import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; name: string; email: string; sessionVersion: number; sessionId: string };
  }
}

export const sessionMaxAgeSeconds = 12 * 60 * 60;

/**
 * The part of the auth setup that needs no database: session strategy, pages and the token
 * callbacks. proxy.ts uses it to read sessions; auth.ts adds the credentials provider.
 */
export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/login", error: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = String(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion ?? 0;
        // Names this sign-in, so that signing out can end it (and every copy of its cookie).
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role as Role;
      // Compared with the user row by currentStaff(): a token from before a sign-out is refused.
      session.user.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      session.user.sessionId = typeof token.sid === "string" ? token.sid : "";
      return session;
    },
  },
} satisfies NextAuthConfig;
