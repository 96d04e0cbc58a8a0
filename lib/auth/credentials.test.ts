import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { seedIfEmpty } from "@/db/seed";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { checkCredentials } from "./credentials";

describeEachDatabase("checkCredentials", (database) => {
  beforeAll(async () => {
    await seedIfEmpty(database().primary, { password: "the-right-password", log: () => {} });
  });
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

  it("pauses an email and address after five failures, records it, and leaves other addresses alone", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await checkCredentials(db(), { email: "writer@example.com", password: `bad-${i}` }, "ip-d")).ok).toBe(false);
    }
    const blocked = await checkCredentials(db(), { email: "writer@example.com", password: "the-right-password" }, "ip-d");
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    if (!blocked.ok && blocked.reason === "throttled") expect(blocked.retryAfterSeconds).toBeGreaterThan(60);
    const elsewhere = await checkCredentials(db(), { email: "writer@example.com", password: "the-right-password" }, "ip-e");
    expect(elsewhere.ok).toBe(true);
    const logged = await db().select().from(t.auditLog).where(and(eq(t.auditLog.action, "auth.throttled")));
    expect(logged.some((e) => (e.details as { email?: string }).email === "writer@example.com")).toBe(true);
  });
});
