import { readFileSync, realpathSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class DatabaseLockedError extends Error {
  override name = "DatabaseLockedError";
}

/** `directory` and `host` say where the lock was taken, so that a copied folder can tell it is one. */
type Holder = { pid: number; command: string; since: string; directory?: string; host?: string };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Holder;
  } catch {
    return undefined;
  }
}

/**
 * PGlite is one process's database: a second process opening the same directory corrupts
 * it. This takes an exclusive lock file beside the data (created with O_EXCL, so two
 * processes cannot both win) and frees it when the process exits. A lock left by a process
 * that died is taken over.
 */
export function lockDataDirectory(directory: string): () => void {
  const file = path.join(directory, "gazette.lock");
  const here = realpathSync(directory);
  const me: Holder = {
    pid: process.pid,
    command: process.argv.slice(1).map((arg) => path.basename(arg)).join(" "),
    since: new Date().toISOString(),
    directory: here,
    host: hostname(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      const release = () => {
        if (readHolder(file)?.pid === process.pid) unlinkSync(file);
      };
      process.once("exit", release);
      return () => {
        process.off("exit", release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      const copied = holder && ((holder.directory && holder.directory !== here) || (holder.host && holder.host !== me.host));
      if (holder && copied) {
        // The lock came with the files: they were copied while a server had them open, and
        // PGlite's files copied mid-write need not be a consistent database.
        throw new DatabaseLockedError(
          `The embedded database in ${directory} is a copy of ${holder.directory ?? "another folder"}` +
            `${holder.host && holder.host !== me.host ? ` on ${holder.host}` : ""}, taken while pid ${holder.pid} ` +
            `(${holder.command}, since ${holder.since}) had it open, so it may be inconsistent.\n` +
            `To move or duplicate the database safely, run \`npm run db:backup -- FILE\` where it runs and ` +
            `\`npm run db:restore -- FILE\` here. If the original was stopped when the copy was made, ` +
            `delete ${file} and start again to take this copy over.`,
        );
      }
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new DatabaseLockedError(
          `The embedded database in ${directory} is in use by another process ` +
            `(pid ${holder.pid}: ${holder.command}, since ${holder.since}).\n` +
            `PGlite allows one process at a time. Stop that process (for example the running ` +
            `\`npm start\`) and run this command again, or set DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      // The holder is gone (or it is us, from a previous open that was never released).
      try {
        unlinkSync(file);
      } catch {
        // another process removed it first; try again
      }
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${directory}; try again.`);
}
