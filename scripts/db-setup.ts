import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { sql } from "drizzle-orm";
import { DatabaseLockedError } from "../db/lock";
import { migrationsFolder, openDatabase, type Database } from "../db/client";
import { seedIfEmpty } from "../db/seed";
import { env } from "../lib/env";

/** Migrates (and, with --seed, seeds an empty database). Used by npm start, db:migrate and db:seed. */
export async function setup({ seed }: { seed: boolean }) {
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
    if (database.kind === "postgres") {
      // Several instances starting at once: one migrates, the others wait for it.
      await database.primary.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(7262000)`);
        await migratePostgres(tx as never, { migrationsFolder });
      });
    }
    console.log(`Database migrated (${database.kind === "embedded" ? `embedded, ${config.dataDir}` : "PostgreSQL"}).`);
    if (seed) {
      const result = await seedIfEmpty(database.primary);
      if (!result.seeded) console.log("Database already has content; the seed left it alone.");
    }
  } finally {
    await database.close();
  }
}
