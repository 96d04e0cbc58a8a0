import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDirectory, DatabaseLockedError } from "./lock";

const dirs: string[] = [];
function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("lockDataDirectory", () => {
  it("refuses a directory that a live process holds, and names it", async () => {
    const dir = tempDir();
    // Another process holds the lock: a sleeping child whose pid is written as the holder.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path.join(dir, "gazette.lock"), JSON.stringify({ pid: holder.pid, command: "next start", since: "now" }));
      expect(() => lockDataDirectory(dir)).toThrow(DatabaseLockedError);
      expect(() => lockDataDirectory(dir)).toThrow(/in use by another process \(pid \d+: next start/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a process that died, and releases it", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.pid"]).pid;
    writeFileSync(path.join(dir, "gazette.lock"), JSON.stringify({ pid: dead, command: "crashed", since: "then" }));
    const release = lockDataDirectory(dir);
    expect(existsSync(path.join(dir, "gazette.lock"))).toBe(true);
    release();
    expect(existsSync(path.join(dir, "gazette.lock"))).toBe(false);
  });
});

describe("a copied data folder", () => {
  it("says that it is a copy, and how to take it over safely", () => {
    const original = tempDir();
    const copy = tempDir();
    const release = lockDataDirectory(original);
    try {
      // The lock file travels with the copy, still naming this (live) process as its holder.
      writeFileSync(path.join(copy, "gazette.lock"), readFileSync(path.join(original, "gazette.lock")));
      expect(() => lockDataDirectory(copy)).toThrow(DatabaseLockedError);
      expect(() => lockDataDirectory(copy)).toThrow(/is a copy of .*gazette-lock-/);
      expect(() => lockDataDirectory(copy)).toThrow(/npm run db:backup -- FILE.*npm run db:restore -- FILE/s);
      expect(() => lockDataDirectory(copy)).toThrow(/delete .*gazette\.lock/);
    } finally {
      release();
    }
  });
});

describe("a CLI command while the embedded database is in use", () => {
  it("stops with a message that says what to do", () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path.join(dir, "gazette.lock"), JSON.stringify({ pid: holder.pid, command: "next start", since: "now" }));
      const result = spawnSync("npx", ["tsx", "scripts/db-migrate.ts"], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: "" },
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("is in use by another process");
      expect(result.stderr).toContain("Stop that process");
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(path.join(dir, "pglite"))).toBe(false);
    } finally {
      holder.kill();
    }
  });
});

describe("a bad configuration value", () => {
  it("names the variable and exits without a stack trace", () => {
    const result = spawnSync("npx", ["tsx", "scripts/db-migrate.ts"], {
      env: { ...process.env, DATABASE_URL: "mysql://nope" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
