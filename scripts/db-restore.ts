// `npm run db:restore -- FILE`: replaces the embedded database with a backup made by
// `npm run db:backup`. The server must be stopped; the data it replaces is kept beside it.
import { existsSync } from "node:fs";
import { restoreEmbedded } from "../db/backup";
import { DatabaseLockedError } from "../db/lock";
import { env } from "../lib/env";

const file = process.argv[2];
const config = env();
if (!file || !existsSync(file)) {
  console.error(file ? `No such file: ${file}` : "Usage: npm run db:restore -- FILE");
  process.exit(2);
}
if (config.DATABASE_URL) {
  console.error(
    'With PostgreSQL (DATABASE_URL), restore a pg_dump into an empty database:\n  pg_restore --no-owner --dbname="$DATABASE_URL" gazette.dump\nSee README, "Operations".',
  );
  process.exit(1);
}
try {
  const { kept } = await restoreEmbedded(file, config.dataDir);
  console.log(`Restored ${file} into ${config.dataDir}.`);
  if (kept) console.log(`The database it replaced is kept in ${kept}; delete it once the site looks right.`);
} catch (error) {
  if (error instanceof DatabaseLockedError) {
    console.error(`\n${error.message}\n\nA restore replaces the whole database: stop the server first.\n`);
    process.exit(1);
  }
  throw error;
}
