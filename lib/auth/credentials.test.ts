import { and, eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { checkCredentials } from "./credentials";
import { hashPassword } from "./password";
import { accountLimit, addressLimit } from "./throttle";

describeEachDatabase("checkCredentials", (database) => {
  const db = () => database().primary;

  it("signs in with the right password, in any letter case of the email", async () => {
    const outcome = await checkCredentials(db(), { email: "Editor@Example.com", password: "the-right-password" }, "ip-a");
    expect(outcome).toMatchObject({ ok: true, staff: { email: "editor@example.com", role: "editor" } });
  });

  it("answers an unknown email and a wrong password alike", async () => {
    expect(await checkCredentials(db(), { email: "ghost@example.com", password: "x" }, "ip-b")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(db(), { email: "editor@example.com", password: "wrong" }, "ip-b")).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a deactivated account even with its password", async () => {
    await db().update(t.users).set({ active: false }).where(eq(t.users.email, "moderator@example.com"));
    try {
      expect(await checkCredentials(db(), { email: "moderator@example.com", password: "the-right-password" }, "ip-c")).toEqual({ ok: false, reason: "invalid" });
    } finally {
      await db().update(t.users).set({ active: true }).where(eq(t.users.email, "moderator@example.com"));
    }
  });

  it("slows an account down after five failures from any number of addresses, and records it", async () => {
    for (let i = 0; i < accountLimit.free; i++) {
      expect(await checkCredentials(db(), { email: "writer@example.com", password: `bad-${i}` }, `spoofed-${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    for (let i = accountLimit.free; i < 20; i++) {
      const blocked = await checkCredentials(db(), { email: "writer@example.com", password: "the-right-password" }, `spoofed-${i}`);
      expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
      if (!blocked.ok && blocked.reason === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(accountLimit.baseSeconds - 1);
    }
    const logged = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "auth.throttled")));
    expect(logged.some((e) => (e.details as { email?: string }).email === "writer@example.com")).toBe(true);
  });

  it("lets the owner in once the delay has passed, and the delay grows with each further failure", async () => {
    const key = "login-account:writer@example.com";
    await db().execute(sql`update sign_in_attempts set allowed_at = now() - interval '1 second' where key = ${key}`);
    expect((await checkCredentials(db(), { email: "writer@example.com", password: "bad-again" }, "ip-f")).ok).toBe(false);
    const [row] = await db().select().from(t.signInAttempts).where(eq(t.signInAttempts.key, key));
    const wait = (row!.allowedAt.getTime() - Date.now()) / 1000;
    expect(wait).toBeGreaterThan(accountLimit.baseSeconds * 1.5);
    expect(wait).toBeLessThanOrEqual(accountLimit.maxSeconds);
    await db().execute(sql`update sign_in_attempts set allowed_at = now() - interval '1 second' where key = ${key}`);
    expect(await checkCredentials(db(), { email: "writer@example.com", password: "the-right-password" }, "ip-f")).toMatchObject({ ok: true });
    // a success starts the account afresh
    expect(await db().select().from(t.signInAttempts).where(eq(t.signInAttempts.key, key))).toEqual([]);
  });

  it("evaluates no more than the free attempts of forty sent at once", async () => {
    const passwordHash = await hashPassword("burst-secret");
    await db().insert(t.users).values({ email: "burst@example.com", name: "Burst", role: "writer", passwordHash });
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => checkCredentials(db(), { email: "burst@example.com", password: `parallel-${i}` }, `burst-${i}`)),
    );
    const evaluated = attempts.filter((a) => !a.ok && a.reason === "invalid").length;
    expect(evaluated).toBe(accountLimit.free);
    expect(attempts.filter((a) => !a.ok && a.reason === "throttled")).toHaveLength(40 - accountLimit.free);
  });

  it("limits one address trying one password on many accounts, known or not", async () => {
    const passwordHash = await hashPassword("sprayed-secret");
    await db().insert(t.users).values(
      Array.from({ length: 30 }, (_, i) => ({ email: `spray-${i}@example.com`, name: `Spray ${i}`, role: "writer" as const, passwordHash: `${passwordHash}x` })),
    );
    const outcomes = [];
    for (let i = 0; i < 30; i++) {
      outcomes.push(await checkCredentials(db(), { email: `${i % 2 ? "spray" : "nobody"}-${i}@example.com`, password: "Summer2026!" }, "sprayer"));
    }
    expect(outcomes.slice(0, addressLimit.free).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    expect(outcomes.slice(addressLimit.free).every((o) => !o.ok && o.reason === "throttled")).toBe(true);
    // other addresses are not held up by the sprayer
    expect(await checkCredentials(db(), { email: "admin@example.com", password: "the-right-password" }, "ip-g")).toMatchObject({ ok: true });
  });
}, { seed: { password: "the-right-password" } });
