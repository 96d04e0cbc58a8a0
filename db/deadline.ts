// How long a person waits for the database before being told to try again. PostgreSQL's own
// statement_timeout and connect_timeout (db/client.ts) end work the server can see; this bound
// also covers what it cannot: a frozen or partitioned server that never answers, a pool whose
// connections are all waiting on it, and the embedded PGlite busy behind a long statement.

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}


// Connection-level failures: refused, reset, timed out, or the server shutting down or
// starting. SQLSTATE class 08 is a connection exception; 57014 a cancelled statement
// (statement_timeout); 57P01-57P03 an administrator shutdown or a server not accepting yet.
const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57014",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether `error` (or what it wraps) says the database could not be reached or answer in time. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Auth.js wraps what its callbacks threw as `cause: { err }`.
  const inner = (e: unknown) => (e as { cause?: unknown }).cause ?? (e as { err?: unknown }).err;
  for (let e = error, depth = 0; e && depth < 6; e = inner(e), depth++) {
    // By name as well: the database client may have been made by another bundle of this module
    // (instrumentation's), whose class is not this one.
    if (e instanceof DatabaseUnavailableError || (e as { name?: unknown }).name === "DatabaseUnavailableError") return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (connectionCodes.has(code) || code.startsWith("08"))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}

/** Lets work that is not waiting on the database (encoding an image) run without using up the wait. */
export type OffTheClock = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Runs `work`, or rejects with DatabaseUnavailableError once `ms` have passed. The work itself
 * is not cancelled (a driver cannot take back a statement already sent): a write that lands
 * after the deadline is made idempotent by its caller (the comment form keeps its key).
 *
 * The wait is for the database: `work` is handed `offTheClock`, and the time it spends in what
 * it runs through it (CPU work such as resizing an upload) is not counted. Each statement keeps
 * its own bound meanwhile (db/client.ts), so a database that stops answering is still noticed.
 */
export async function withDeadline<T>(work: (offTheClock: OffTheClock) => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let left = ms;
  let armedAt = 0;
  let held = 0;
  let settled = false;
  let expire!: (error: Error) => void;
  const expired = new Promise<never>((_, reject) => (expire = reject));
  const arm = () => {
    armedAt = Date.now();
    timer = setTimeout(() => expire(new DatabaseUnavailableError(`the database did not answer within ${ms} ms`)), left);
  };
  const offTheClock: OffTheClock = async (inner) => {
    if (held++ === 0 && !settled) {
      clearTimeout(timer);
      left -= Date.now() - armedAt;
    }
    try {
      return await inner();
    } finally {
      if (--held === 0 && !settled) arm();
    }
  };
  arm();
  const running = work(offTheClock);
  try {
    return await Promise.race([running, expired]);
  } finally {
    settled = true;
    clearTimeout(timer);
    // A late failure of abandoned work must not surface as an unhandled rejection.
    running.catch(() => {});
  }
}
