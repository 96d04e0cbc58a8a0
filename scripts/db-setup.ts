import { count, sql } from "drizzle-orm";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { DatabaseLockedError } from "../db/lock";
import { migrationsFolder, openDatabase, type Database } from "../db/client";
import { seedIfEmpty } from "../scripts/seed/demo";
import { countStaleBodies, renderStaleBodies } from "../lib/articles/body";
import { env, type Env } from "../lib/env";
import { users } from "../db/schema";

/** Migrates (and, with --seed, seeds an empty database). Used by npm start, db:migrate and db:seed. */
export async function setup({ seed, renderBodies = false }: { seed: boolean; renderBodies?: boolean }) {
  const config = env();
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  try {
    if (database.kind === "postgres") await migrateServer(config.DATABASE_URL!);
    console.log(`Database migrated (${database.kind === "embedded" ? `embedded, ${config.dataDir}` : "PostgreSQL"}).`);
    if (renderBodies) await renderAllStaleBodies(database.primary);
    if (seed) await seedStep(database, config);
  } finally {
    await database.close();
  }
}

/**
 * Demo content is for the embedded default, or when asked for with SEED_DEMO=1: a real
 * database never gets demo staff with known addresses by accident. An empty one is told how
 * to make its first admin instead.
 */
export async function seedStep(database: Database, config: Env, log: (line: string) => void = console.log) {
  if (database.kind === "embedded" || config.SEED_DEMO === "1") {
    const result = await seedIfEmpty(database.primary, { log, password: config.SEED_PASSWORD });
    if (!result.seeded) log("Database already has content; the seed left it alone.");
    return;
  }
  const [staff] = await database.primary.select({ n: count() }).from(users);
  if ((staff?.n ?? 0) === 0) log(firstAdminHelp);
}

export const firstAdminHelp = [
  "This database has no staff accounts yet. Create the first admin (the password is read from standard input):",
  "",
  '    npm run users -- add --email you@your-newsroom.org --name "Your Name" --role admin',
  "",
  "(Demo content is only added to a PostgreSQL database when SEED_DEMO=1.)",
].join("\n");

/**
 * Renders the article bodies that an older Markdown renderer (or none) stored. The running
 * servers' scheduler does this too, a batch at a time; after an upgrade, db:migrate does it
 * all at once.
 */
async function renderAllStaleBodies(db: Database["primary"]) {
  const stale = await countStaleBodies(db);
  if (stale === 0) return;
  console.log(`Rendering ${stale.toLocaleString("en-US")} article bodies for the current Markdown renderer…`);
  let done = 0;
  for (let n; (n = await renderStaleBodies(db, { limit: 1000 })) > 0; ) {
    done += n;
    console.log(`  ${done.toLocaleString("en-US")} of ${stale.toLocaleString("en-US")}`);
  }
  // Every rendered row left a dead copy behind, in the heap and in the search index; until
  // vacuumed, the planner misjudges searches (a sequential scan, ten times slower).
  await db.execute(sql`vacuum analyze articles`);
}

/**
 * Applies the migrations to a PostgreSQL server. Several instances starting at once would race;
 * a session advisory lock on one connection lets one migrate while the others wait.
 */
export async function migrateServer(url: string) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(7262000)`;
    await migratePostgres(drizzle(client), { migrationsFolder });
    await client`select pg_advisory_unlock(7262000)`;
  } finally {
    await client.end();
  }
}
