import { expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { audit } from "@/lib/audit";
import { findRoleByEmail } from "@/lib/auth/queries";
import { describeEachDatabase } from "@/test/databases";
import { listAuditEntries, listSectionRows, listUsers } from "./queries";

describeEachDatabase("the admin screens' reads", (database) => {
  const db = () => database().primary as Db;

  it("pages the audit log newest first and counts all of it", async () => {
    for (let i = 1; i <= 5; i++) await audit(db(), { actor: null, action: `test.step-${i}` });
    const first = await listAuditEntries(db(), { limit: 2, offset: 0 });
    expect(first.total).toBe(5);
    expect(first.entries.map((e) => e.action)).toEqual(["test.step-5", "test.step-4"]);
    const last = await listAuditEntries(db(), { limit: 2, offset: 4 });
    expect(last.entries.map((e) => e.action)).toEqual(["test.step-1"]);
    expect(await listAuditEntries(db(), { limit: 2, offset: 10 })).toEqual({ entries: [], total: 0 });
  });

  it("lists users by email and sections in the site's order, and finds a role whatever the email's case", async () => {
    await db().insert(t.users).values([
      { email: "zoe@admin.test", name: "Zoe", role: "editor", passwordHash: "x" },
      { email: "amy@admin.test", name: "Amy", role: "moderator", passwordHash: "x" },
    ]);
    expect((await listUsers(db())).map((u) => u.email)).toEqual(["amy@admin.test", "zoe@admin.test"]);
    expect(await findRoleByEmail(db(), "Zoe@Admin.TEST")).toBe("editor");
    expect(await findRoleByEmail(db(), "nobody@admin.test")).toBeNull();
    await db().insert(t.sections).values([
      { slug: "later", name: "A later one", position: 2 },
      { slug: "first", name: "Zed first", position: 1 },
    ]);
    expect((await listSectionRows(db())).map((s) => s.slug)).toEqual(["first", "later"]);
  });
});
