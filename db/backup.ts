import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { lockDataDirectory } from "./lock";

// Backups of the embedded database are PGlite's own dump of its data directory (a gzipped
// tarball, `dumpDataDir`): made by the PGlite instance that has the files open, between two
// statements, so it is consistent even while the server writes. PostgreSQL has pg_dump.

/** Writes `blob` to `file`; returns its size in bytes. */
export async function writeBackup(blob: Blob, file: string): Promise<number> {
  const bytes = Buffer.from(await blob.arrayBuffer());
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await writeFile(file, bytes);
  return bytes.length;
}

/**
 * Replaces the embedded database in `directory` with the backup in `file`. Refuses while a
 * server holds the directory (the lock); the data it replaces is kept beside it, renamed, until
 * the restored copy has opened and answered.
 */
export async function restoreEmbedded(file: string, directory: string): Promise<{ kept?: string }> {
  const bytes = await readFile(file);
  mkdirSync(directory, { recursive: true });
  const release = lockDataDirectory(directory);
  const dataDir = path.join(directory, "pglite");
  const incoming = path.join(directory, `pglite.restoring-${process.pid}`);
  rmSync(incoming, { recursive: true, force: true });
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const client = await PGlite.create({ dataDir: incoming, loadDataDir: new Blob([bytes]) });
    try {
      // A backup that does not open and answer must not replace a database that does.
      await client.query("select count(*) from articles");
    } finally {
      await client.close();
    }
    let kept: string | undefined;
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
      kept = path.join(directory, `pglite.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
      renameSync(dataDir, kept);
    }
    renameSync(incoming, dataDir);
    return { kept };
  } catch (error) {
    rmSync(incoming, { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
