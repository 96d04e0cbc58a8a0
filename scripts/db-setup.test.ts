import { count } from "drizzle-orm";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { parseEnv } from "@/lib/env";
import { describeEachDatabase } from "@/test/databases";
import { seedStep } from "./db-setup";

const staffCount = async (db: import("@/db/client").Db) => (await db.select({ n: count() }).from(t.users))[0]!.n;

// seedStep decides by the database's kind (embedded default or a configured server), so each
// suite runs on both engines under the kind it is about.
describeEachDatabase("npm start's seed step on a real database", (database) => {
  const real = () => ({ ...database(), kind: "postgres" as const });

  it("adds no demo accounts, and says how to create the first admin", async () => {
    const lines: string[] = [];
    await seedStep(real(), parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/x" }), (l) => lines.push(l));
    expect(await staffCount(database().primary)).toBe(0);
    expect(lines.join("\n")).toMatch(/npm run users -- add --email .* --role admin/);
  });

  it("with SEED_DEMO=1 adds the demo newsroom, with SEED_PASSWORD never printed", async () => {
    const lines: string[] = [];
    const config = parseEnv({ DATABASE_URL: "postgres://db/x", SEED_DEMO: "1", SEED_PASSWORD: "chosen-demo-password" });
    await seedStep(real(), config, (l) => lines.push(l));
    const staff = await database().primary.select().from(t.users);
    expect(staff.length).toBeGreaterThan(0);
    expect(await verifyPassword("chosen-demo-password", staff[0]!.passwordHash)).toBe(true);
    expect(lines.join("\n")).not.toContain("chosen-demo-password");
  });
});

describeEachDatabase("the embedded default's seed step", (database) => {
  it("gives each demo account its own random password, shown once", async () => {
    const lines: string[] = [];
    await seedStep({ ...database(), kind: "embedded" }, parseEnv({}), (l) => lines.push(l));
    const staff = await database().primary.select().from(t.users);
    expect(staff.length).toBe(4);
    const printed = lines.join("\n");
    const passwords = staff.map((u) => new RegExp(`${u.email.replace(".", "\\.")}\\s+(\\S+)`).exec(printed)?.[1]);
    expect(new Set(passwords).size).toBe(staff.length);
    for (const [i, u] of staff.entries()) expect(await verifyPassword(passwords[i]!, u.passwordHash)).toBe(true);
  });
});
