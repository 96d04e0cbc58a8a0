import { eq, sql } from "drizzle-orm";
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
    const throttledLog = async (email: string) =>
      (await db().select().from(t.auditLog).where(eq(t.auditLog.action, "auth.throttled"))).filter((e) => (e.details as { email?: string }).email === email);
    for (let i = 0; i < accountLimit.free; i++) {
      // the free failures are not worth an entry in the audit log; the one that starts a delay is
      if (i === accountLimit.free - 1) expect(await throttledLog("writer@example.com")).toEqual([]);
      expect(await checkCredentials(db(), { email: "Writer@Example.com", password: `bad-${i}` }, `spoofed-${i}`)).toEqual({ ok: false, reason: "invalid" });
    }
    const [writer] = await db().select().from(t.users).where(eq(t.users.email, "writer@example.com"));
    const [entry, ...more] = await throttledLog("writer@example.com");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorId: null, targetType: "user", targetId: String(writer!.id), details: { ipHash: `spoofed-${accountLimit.free - 1}` } });
    expect((entry!.details as { waitSeconds: number }).waitSeconds).toBeGreaterThan(0);
    for (let i = accountLimit.free; i < 20; i++) {
      const blocked = await checkCredentials(db(), { email: "writer@example.com", password: "the-right-password" }, `spoofed-${i}`);
      expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
      if (!blocked.ok && blocked.reason === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThanOrEqual(accountLimit.baseSeconds - 1);
    }
    // attempts refused while the delay runs are not counted, so not logged again
    expect(await throttledLog("writer@example.com")).toHaveLength(1);
  });

  it("records a delay on an address that names no account, without a target", async () => {
    for (let i = 0; i < accountLimit.free; i++) await checkCredentials(db(), { email: "nobody-here@example.com", password: `guess-${i}` }, `ip-nobody-${i}`);
    const logged = (await db().select().from(t.auditLog).where(eq(t.auditLog.action, "auth.throttled"))).filter((e) => (e.details as { email?: string }).email === "nobody-here@example.com");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ targetType: null, targetId: null });
  });

  it("counts an email with stray spaces as the same account", async () => {
    for (let i = 0; i < accountLimit.free; i++) await checkCredentials(db(), { email: `  Admin@example.com${" ".repeat(i)}`, password: `typo-${i}` }, `ip-spaces-${i}`);
    expect(await checkCredentials(db(), { email: "admin@example.com", password: "the-right-password" }, "ip-spaces-x")).toMatchObject({ ok: false, reason: "throttled" });
    await db().execute(sql`delete from sign_in_attempts where key = 'login-account:admin@example.com'`);
  });

  it("asks a caller refused on both counts to wait out the longer delay", async () => {
    const later = (seconds: number) => sql`now() + make_interval(secs => ${seconds})`;
    for (const [key, seconds] of [["login-account:editor@example.com", 400], ["login-ip:ip-both", 40]] as const) {
      await db().execute(sql`insert into sign_in_attempts (key, attempts, allowed_at, counted_at, expire)
        values (${key}, 9, ${later(seconds)}, now() - interval '1 minute', ${later(3600)})
        on conflict (key) do update set attempts = excluded.attempts, allowed_at = excluded.allowed_at,
          counted_at = excluded.counted_at, expire = excluded.expire`);
    }
    try {
      const outcome = await checkCredentials(db(), { email: "editor@example.com", password: "the-right-password" }, "ip-both");
      expect(outcome).toMatchObject({ ok: false, reason: "throttled" });
      if (!outcome.ok && outcome.reason === "throttled") expect(outcome.retryAfterSeconds).toBeGreaterThan(390);
    } finally {
      await db().execute(sql`delete from sign_in_attempts where key in ('login-account:editor@example.com', 'login-ip:ip-both')`);
    }
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
