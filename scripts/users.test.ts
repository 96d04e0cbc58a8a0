import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real CLI, as a person runs it, on an embedded database of its own.
const dataDir = mkdtempSync(path.join(tmpdir(), "gazette-users-cli-"));
function users(args: string[], input?: string, extraEnv: Record<string, string> = {}) {
  return spawnSync("npx", ["tsx", "scripts/users.ts", ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", GAZETTE_PASSWORD: "", ...extraEnv },
    input,
    encoding: "utf8",
  });
}

describe("npm run users", () => {
  beforeAll(() => {
    const migrated = spawnSync("npx", ["tsx", "scripts/db-migrate.ts"], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "" }, encoding: "utf8" });
    expect(migrated.status).toBe(0);
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("adds users with the password from standard input or GAZETTE_PASSWORD, and lists them", () => {
    expect(users(["add", "--email", "chief@example.org", "--name", "Chief", "--role", "admin"], "a long enough password\n").status).toBe(0);
    expect(users(["add", "--email", "rep@example.org", "--name", "Rep", "--role", "writer"], undefined, { GAZETTE_PASSWORD: "another long password" }).status).toBe(0);
    const list = users(["list"]);
    expect(list.stdout).toContain("chief@example.org\tChief\tadmin\tactive");
    expect(list.stdout).toContain("rep@example.org\tRep\twriter\tactive");
  });

  it("refuses bad input with a clear message", () => {
    const bad = users(["add", "--email", "nope", "--name", "X", "--role", "emperor"], "a long enough password\n");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--email");
    expect(bad.stderr).toContain("--role");
    expect(users(["add", "--email", "short@example.org", "--name", "S", "--role", "writer"], "short\n").stderr).toContain("at least 12 characters");
    expect(users(["frobnicate"]).stderr).toContain("Usage: npm run users");
  });

  it("sets roles and deactivates, but never the last active admin", () => {
    expect(users(["set-role", "--email", "rep@example.org", "--role", "editor"]).status).toBe(0);
    expect(users(["set-role", "--email", "chief@example.org", "--role", "writer"]).stderr).toContain("last active admin");
    expect(users(["deactivate", "--email", "chief@example.org"]).stderr).toContain("last active admin");
    expect(users(["deactivate", "--email", "rep@example.org"]).status).toBe(0);
    expect(users(["list"]).stdout).toContain("rep@example.org\tRep\teditor\tdeactivated");
    expect(users(["reset-password", "--email", "chief@example.org"], "a brand new password\n").status).toBe(0);
  });
});
