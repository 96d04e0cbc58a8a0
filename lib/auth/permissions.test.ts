import { describe, expect, it } from "vitest";
import { can, homeFor, permissions, type Permission } from "./permissions";

describe("permissions", () => {
  it("each role lands on its own first page after signing in", () => {
    expect(homeFor("admin")).toBe("/dashboard");
    expect(homeFor("editor")).toBe("/dashboard");
    expect(homeFor("moderator")).toBe("/moderation");
    expect(homeFor("writer")).toBe("/editor");
  });

  it("nobody without a role may do anything, and each role only what it is listed for", () => {
    const roles = ["admin", "editor", "moderator", "writer"] as const;
    for (const permission of Object.keys(permissions) as Permission[]) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
      for (const role of roles) expect(can(role, permission), `${role} ${permission}`).toBe((permissions[permission] as readonly string[]).includes(role));
    }
    expect(can("writer", "article.write")).toBe(true);
    expect(can("writer", "article.publish")).toBe(false);
    expect(can("moderator", "comment.moderate")).toBe(true);
    expect(can("moderator", "article.write")).toBe(false);
    expect(can("admin", "site.admin")).toBe(true);
    expect(can("editor", "site.admin")).toBe(false);
  });
});
