import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { setActive, setRole, signOutEverywhere } from "@/lib/admin/actions";
import { describeEachDatabase } from "@/test/databases";
import type { ActionContext } from "./action";
import { checkCredentials } from "./credentials";
import type { Staff } from "./permissions";
import { endSession, findSessionStaff, pruneEndedSessions } from "./queries";

describeEachDatabase("session versions", (database) => {
  const db = () => database().primary;
  let admin: Staff;
  beforeAll(async () => {
    const [row] = await db().select().from(t.users).where(eq(t.users.email, "admin@example.com"));
    admin = { id: row!.id, email: row!.email, name: row!.name, role: row!.role };
  });
  const ctx = (staff: Staff | null): ActionContext => ({ staff, db: db(), revalidate: () => {} });

  /** Signs in as a person would, and returns what their session token carries. */
  async function signIn(email: string) {
    const outcome = await checkCredentials(db(), { email, password: "session-password" }, `ip-${email}`);
    if (!outcome.ok) throw new Error(`could not sign in as ${email}`);
    return { id: outcome.staff.id, sessionVersion: outcome.sessionVersion, sessionId: randomUUID() };
  }

  async function bump(db: Db, email: string) {
    const [row] = await db.select().from(t.users).where(eq(t.users.email, email));
    await db.update(t.users).set({ sessionVersion: row!.sessionVersion + 1 }).where(eq(t.users.id, row!.id));
  }

  it("a signed-out session is refused, copies of its cookie too, while the person's others carry on", async () => {
    const laptop = await signIn("writer@example.com");
    const phone = await signIn("writer@example.com");
    await endSession(db(), laptop.sessionId, 60);
    expect(await findSessionStaff(db(), laptop)).toBeNull();
    expect(await findSessionStaff(db(), phone)).toMatchObject({ email: "writer@example.com" });
    // remembered only while such a token could still be valid
    await endSession(db(), phone.sessionId, -1);
    expect(await pruneEndedSessions(db())).toBe(1);
    expect(await findSessionStaff(db(), laptop)).toBeNull();
  });

  it("signing out a token that carries no session id ends no other session", async () => {
    const old = { ...(await signIn("writer@example.com")), sessionId: "" };
    await endSession(db(), "", 60);
    expect(await findSessionStaff(db(), old)).toMatchObject({ email: "writer@example.com" });
    expect(await db().select().from(t.endedSessions).where(eq(t.endedSessions.sessionId, ""))).toEqual([]);
  });

  it("a token is accepted until its version moves on, as a password reset does", async () => {
    const token = await signIn("writer@example.com");
    expect(await findSessionStaff(db(), token)).toMatchObject({ email: "writer@example.com" });
    await bump(db(), "writer@example.com");
    expect(await findSessionStaff(db(), token)).toBeNull();
    // a new sign-in carries the new version
    expect(await findSessionStaff(db(), await signIn("writer@example.com"))).toMatchObject({ email: "writer@example.com" });
  });

  it("an admin's 'sign out everywhere' ends the user's sessions; others may not do it", async () => {
    const token = await signIn("editor@example.com");
    const editor = await findSessionStaff(db(), token);
    expect(await signOutEverywhere.execute(ctx(editor), { userId: String(token.id) })).toMatchObject({ ok: false, refused: "forbidden" });
    expect(await findSessionStaff(db(), token)).not.toBeNull();
    expect(await signOutEverywhere.execute(ctx(admin), { userId: String(token.id) })).toMatchObject({ ok: true });
    expect(await findSessionStaff(db(), token)).toBeNull();
  });

  it("a role change and a deactivation end the person's sessions", async () => {
    let token = await signIn("moderator@example.com");
    expect(await setRole.execute(ctx(admin), { userId: String(token.id), role: "editor" })).toMatchObject({ ok: true });
    expect(await findSessionStaff(db(), token)).toBeNull();
    token = await signIn("moderator@example.com");
    expect(await setActive.execute(ctx(admin), { userId: String(token.id), active: "false" })).toMatchObject({ ok: true });
    expect(await setActive.execute(ctx(admin), { userId: String(token.id), active: "true" })).toMatchObject({ ok: true });
    expect(await findSessionStaff(db(), token)).toBeNull();
  });

  it("two admins demoting each other at once leave one admin", async () => {
    const [other] = await db()
      .insert(t.users)
      .values({ email: `second-admin@example.com`, name: "Second Admin", role: "admin", passwordHash: "x" })
      .returning();
    const second: Staff = { id: other!.id, email: other!.email, name: other!.name, role: "admin" };
    const results = await Promise.all([
      setRole.execute(ctx(admin), { userId: String(second.id), role: "writer" }),
      setRole.execute(ctx(second), { userId: String(admin.id), role: "writer" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const admins = await db().select().from(t.users).where(eq(t.users.role, "admin"));
    expect(admins).toHaveLength(1);
    await db().update(t.users).set({ role: "admin" }).where(eq(t.users.id, admin.id));
  });
}, { seed: { password: "session-password" } });
