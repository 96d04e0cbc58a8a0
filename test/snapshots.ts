import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrationsFolder, openEmbedded, type Database, type Db } from "@/db/client";

// An embedded test database is a copy of a snapshot instead of a database built from nothing:
// PGlite's initdb and the migrations take 3 to 5 s a test file, the demo seed 5 to 7 s more,
// and a copy under 1 s. That is a minute of every `npm test`, and most of what a mutant costs
// in `npm run test:mutation`, which runs a test file again for each planted bug.
//
// Snapshots live under node_modules/.cache, named by a hash of everything they are made from,
// so a changed migration or seed makes a new one and a stale one is never opened. A seeded
// snapshot also expires after `seededMaxAgeMs`: the seed dates its articles and comments
// relative to the moment it ran, and tests may count what is recent.
const cacheDir = path.join(process.cwd(), "node_modules", ".cache", "gazette-test-databases");
const seededMaxAgeMs = 6 * 60 * 60 * 1000;

// While Stryker has a planted bug switched on, a database built now may carry it (the seed runs
// lib/ code): it is used by that test file only, never kept for the others.
const mutantActive = () => (globalThis as { __stryker__?: { activeMutant?: unknown } }).__stryker__?.activeMutant !== undefined;

/** Opens a new in-memory embedded database, migrated and, with `seed`, holding the demo newsroom. */
export async function openSnapshotCopy(seed?: { password: string }): Promise<Database> {
  const key = await snapshotKey(seed);
  const file = path.join(cacheDir, `${key}.tar.gz`);
  const cached = await readSnapshot(file, seed ? seededMaxAgeMs : Infinity);
  if (cached) return openEmbedded(undefined, { from: cached });

  const database = await openEmbedded(undefined);
  if (seed) await seedDemoNewsroom(database.primary, seed.password);
  if (!mutantActive()) await writeSnapshot(file, await database.dump!());
  return database;
}

/** The demo newsroom, its staff signing in with `password`; loaded only by tests that ask for it. */
export async function seedDemoNewsroom(db: Db, password: string) {
  const { seedIfEmpty } = await import("@/scripts/seed/demo");
  await seedIfEmpty(db, { password, log: () => {} });
}

async function readSnapshot(file: string, maxAgeMs: number): Promise<Blob | undefined> {
  try {
    const { mtimeMs } = await stat(file);
    if (Date.now() - mtimeMs > maxAgeMs) return undefined;
    return new Blob([await readFile(file)]);
  } catch {
    return undefined;
  }
}

// Test files run in parallel: each writes a file of its own and renames it into place, so a
// reader sees a whole snapshot or none.
async function writeSnapshot(file: string, dump: Blob) {
  await mkdir(cacheDir, { recursive: true });
  const partial = `${file}.${randomBytes(4).toString("hex")}.partial`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
}

// What a snapshot is made from: the migrations, and for a seeded one the seed's code with all of
// lib/ and db/ it may call (hashing them takes a few milliseconds), and the staff password.
async function snapshotKey(seed?: { password: string }): Promise<string> {
  const hash = createHash("sha256");
  const sources = [migrationsFolder, ...(seed ? ["scripts/seed", "lib", "db"].map((d) => path.join(process.cwd(), d)) : [])];
  for (const source of sources) {
    for (const file of await filesUnder(source)) {
      hash.update(path.relative(process.cwd(), file)).update("\0").update(await readFile(file)).update("\0");
    }
  }
  if (seed) hash.update(`password\0${seed.password}`);
  return `${seed ? "seeded" : "migrated"}-${hash.digest("hex").slice(0, 24)}`;
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.endsWith(".test.ts"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
