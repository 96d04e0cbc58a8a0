// `npm run db:backup -- FILE`: a consistent backup of the embedded database, whether or not
// the server is running. Restore it with `npm run db:restore -- FILE`.
import { openEmbedded } from "../db/client";
import { writeBackup } from "../db/backup";
import { DatabaseLockedError } from "../db/lock";
import { env } from "../lib/env";
import { internalToken } from "../lib/internal-token";

const pgDumpHelp =
  "With PostgreSQL (DATABASE_URL), back up with pg_dump, which is consistent while the servers run:\n" +
  '  pg_dump --format=custom --file=gazette.dump "$DATABASE_URL"\n' +
  "and restore into an empty database with:\n" +
  '  pg_restore --no-owner --dbname="$DATABASE_URL" gazette.dump\n' +
  'See README, "Operations".';

const file = process.argv[2];
const config = env();
if (!file) {
  console.error("Usage: npm run db:backup -- FILE");
  process.exit(2);
}
if (config.DATABASE_URL) {
  console.error(pgDumpHelp);
  process.exit(1);
}

/** The running server has the files open: it makes the dump itself. */
async function askServer(): Promise<Blob> {
  const response = await fetch(`http://127.0.0.1:${config.PORT}/api/internal/backup`, {
    method: "POST",
    headers: { "x-gazette-internal": internalToken() },
    signal: AbortSignal.timeout(120_000),
  });
  if (!response.ok) throw new Error(`the server on port ${config.PORT} answered ${response.status}`);
  // The server on PORT must be the one that holds this DATA_DIR, not another site's.
  if (response.headers.get("x-gazette-data-dir") !== config.dataDir) {
    throw new Error(`the server on port ${config.PORT} serves ${response.headers.get("x-gazette-data-dir")}, not ${config.dataDir}`);
  }
  return response.blob();
}

let blob: Blob;
try {
  const database = await openEmbedded(config.dataDir);
  try {
    blob = await database.dump!();
  } finally {
    await database.close();
  }
} catch (error) {
  if (!(error instanceof DatabaseLockedError) || /is a copy of/.test(error.message)) {
    console.error(`\n${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
  try {
    blob = await askServer();
  } catch (serverError) {
    console.error(
      `\n${error.message}\n\nAsking that server for the backup failed too: ${serverError instanceof Error ? serverError.message : serverError}.\n` +
        `Set PORT to the port it listens on, or stop it and run this again.\n`,
    );
    process.exit(1);
  }
}
const size = await writeBackup(blob, file);
console.log(`Backed up the embedded database (${config.dataDir}) to ${file} (${(size / 1024 / 1024).toFixed(1)} MB).`);
