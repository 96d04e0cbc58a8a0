import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { migrationsFolder, openPostgres, type Database } from "@/db/client";
import { openSnapshotCopy, seedDemoNewsroom } from "./snapshots";

/** A URL like `base` that names another database on the same server. */
export function withDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Creates a throw-away database on the TEST_DATABASE_URL server; returns its URL and a drop. */
export async function createThrowawayDatabase(base: string, prefix = "gazette_test") {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(base, name);
  return {
    url,
    drop: async () => {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

export type TestDatabase = Database & { label: "embedded" | "postgres" };

/**
 * Runs a suite once on the embedded PGlite and, when TEST_DATABASE_URL is set, once more on
 * real PostgreSQL, each in a fresh database that is dropped afterwards. With `seed`, the
 * database holds the demo newsroom, its staff signing in with `seed.password`.
 */
export function describeEachDatabase(title: string, suite: (get: () => TestDatabase) => void, { seed }: { seed?: { password: string } } = {}) {
  const targets: ("embedded" | "postgres")[] = ["embedded"];
  if (process.env.TEST_DATABASE_URL) targets.push("postgres");
  for (const label of targets) {
    describe(`${title} [${label}]`, () => {
      let database: TestDatabase | undefined;
      let drop: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        if (label === "embedded") {
          database = { ...(await openSnapshotCopy(seed)), label };
        } else {
          const created = await createThrowawayDatabase(process.env.TEST_DATABASE_URL!);
          drop = created.drop;
          const opened = await openPostgres(created.url, [], 20);
          await migrate(opened.primary as never, { migrationsFolder });
          if (seed) await seedDemoNewsroom(opened.primary, seed.password);
          database = { ...opened, label };
        }
      });
      afterAll(async () => {
        await database?.close();
        await drop?.();
      });
      suite(() => {
        if (!database) throw new Error("database not ready");
        return database;
      });
    });
  }
}
