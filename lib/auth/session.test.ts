import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, expect, it, vi } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import type { Db } from "@/db/client";

// What Next.js and Auth.js hand the session module, given per test: the decoded session token,
// the request's path, and the database. The rest is real, down to Next.js's own redirect() and
// forbidden(), whose thrown signals are read back here.
const request = vi.hoisted(() => ({
  session: null as null | { user?: { id?: string; sessionVersion?: number; sessionId?: string } },
  path: null as string | null,
  db: undefined as unknown,
}));
vi.mock("@/auth", () => ({ auth: async () => request.session }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.path ? { "x-gazette-path": request.path } : {}) }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getPrimaryDb: async () => request.db }));

const { currentStaff, requirePermission, requireStaff } = await import("./session");

/** What a thrown Next.js control signal (redirect, forbidden) says, or the error itself. */
async function signal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string") return digest;
    throw error;
  }
  throw new Error("no signal was thrown");
}

describeEachDatabase("the signed-in staff member", (database) => {
  const db = () => database().primary;
  const token = (user: { id: number; sessionVersion: number }) => ({ user: { id: String(user.id), sessionVersion: user.sessionVersion, sessionId: randomUUID() } });
  let writer: typeof t.users.$inferSelect;

  beforeAll(async () => {
    // forbidden() is refused unless next.config's experimental.authInterrupts is on, as Gazette's is.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    [writer] = (await db().select().from(t.users).where(eq(t.users.email, "writer@example.com"))) as [typeof t.users.$inferSelect];
  });
  beforeEach(() => {
    request.db = db() as Db;
    request.session = null;
    request.path = null;
  });

  it("is read from the database for the session's account, version and session", async () => {
    request.session = token(writer);
    expect(await currentStaff()).toEqual({ id: writer.id, email: "writer@example.com", name: writer.name, role: "writer" });

    request.session = { user: { id: String(writer.id), sessionVersion: writer.sessionVersion + 1, sessionId: randomUUID() } };
    expect(await currentStaff()).toBeNull();
    // a token from before session versions is no session
    request.session = { user: { id: String(writer.id), sessionId: randomUUID() } };
    expect(await currentStaff()).toBeNull();
  });

  it("is nobody without a session or with an id that names no account", async () => {
    for (const session of [null, {}, { user: {} }, { user: { id: "" } }, { user: { id: "0" } }, { user: { id: "-3" } }, { user: { id: "2.5" } }, { user: { id: "x" } }]) {
      request.session = session ? { ...session, user: session.user && { ...session.user, sessionVersion: 0, sessionId: randomUUID() } } : null;
      expect(await currentStaff(), JSON.stringify(session)).toBeNull();
    }
  });

  it("sends a visitor to sign in, then back to the page asked for", async () => {
    request.path = "/editor/articles/7?tab=history";
    expect(await signal(requireStaff())).toMatch(/^NEXT_REDIRECT;replace;\/login\?next=%2Feditor%2Farticles%2F7%3Ftab%3Dhistory;307;/);
    request.path = null;
    expect(await signal(requireStaff())).toMatch(/^NEXT_REDIRECT;replace;\/login\?next=%2Feditor;307;/);
    expect(await signal(requirePermission("article.write"))).toMatch(/^NEXT_REDIRECT;replace;\/login\?next=/);
  });

  it("lets a member of staff through to what their role may do, and shows the 403 page otherwise", async () => {
    request.session = token(writer);
    expect(await requireStaff()).toMatchObject({ email: "writer@example.com" });
    expect(await requirePermission("article.write")).toMatchObject({ email: "writer@example.com", role: "writer" });
    expect(await signal(requirePermission("article.publish"))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await signal(requirePermission("comment.moderate"))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });
}, { seed: { password: "irrelevant-password" } });
