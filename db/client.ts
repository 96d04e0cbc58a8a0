import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env, type Env } from "../lib/env";
import type { Sql } from "postgres";
import { withDeadline } from "./deadline";
import { lockDataDirectory } from "./lock";
import { ReplicaRouter } from "./replicas";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The drizzle database, whichever driver is behind it; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

// Every statement drizzle sends, counted per process. The e2e tests read the count (through a
// route that exists only with GAZETTE_TEST_HOOKS=1) to show that a cached page costs no query.
const counterKey = Symbol.for("gazette.queryCount");
type GlobalWithCounter = typeof globalThis & { [counterKey]?: { n: number } };
const counter = ((globalThis as GlobalWithCounter)[counterKey] ??= { n: 0 });
// Background work (the scheduler) is not a reader request; its statements are not counted.
const backgroundKey = Symbol.for("gazette.background");
type GlobalWithBackground = typeof globalThis & { [backgroundKey]?: AsyncLocalStorage<true> };
const background = ((globalThis as GlobalWithBackground)[backgroundKey] ??= new AsyncLocalStorage<true>());
// With GAZETTE_TEST_HOOKS=1 the latest statements are kept as well (text and parameters), so
// that a test can show a render sent no statement twice.
const keepStatements = process.env.GAZETTE_TEST_HOOKS === "1";
const statementsKey = Symbol.for("gazette.statements");
type GlobalWithStatements = typeof globalThis & { [statementsKey]?: Map<number, string> };
const statements = ((globalThis as GlobalWithStatements)[statementsKey] ??= new Map());
const keptStatements = 2000;
const logger = {
  logQuery: (query: string, params: unknown[]) => {
    if (background.getStore()) return;
    counter.n++;
    if (!keepStatements) return;
    statements.set(counter.n, `${query} -- ${JSON.stringify(params)}`);
    statements.delete(counter.n - keptStatements);
  },
};

/** Runs background work whose statements the query counter leaves out. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** How many statements this process has sent to the database so far. */
export function queryCount(): number {
  return counter.n;
}

/** With GAZETTE_TEST_HOOKS=1: the statements sent after the `since`th (of the last 2,000). */
export function statementsSince(since: number): string[] {
  return [...statements].filter(([n]) => n > since).map(([, text]) => text);
}

export type Database = {
  /** reads: replicas when DATABASE_REPLICA_URLS is set */
  db: Db;
  /** writes and read-your-own-writes */
  primary: Db;
  kind: "embedded" | "postgres";
  /** with replicas: which one reads go to, and their catching up after writes (db/replicas.ts) */
  router?: ReplicaRouter<Db>;
  /** embedded only: a consistent copy of the whole database, as PGlite's gzipped tarball */
  dump?: () => Promise<Blob>;
  close: () => Promise<void>;
};

export type PostgresOptions = { timeoutMs?: number; maxLagMs?: number };

// PostgreSQL's own buffers inside PGlite's WebAssembly memory, for one-off commands such as
// the WordPress import: 128 MB of shared buffers are about 110 MB of resident memory more
// than 16 MB, and a command that streams through a file gains nothing from them.
const smallMemoryParams = ["-c", "shared_buffers=16MB", "-c", "wal_buffers=1MB"];

/**
 * Opens the embedded database in `directory` (in memory without one), locks it, and migrates
 * it. `smallMemory` (for a command, not the server) gives PostgreSQL small buffers; `from`
 * starts a new database as a copy of a dump (the tests' snapshots).
 */
export async function openEmbedded(
  directory: string | undefined,
  { smallMemory = false, from }: { smallMemory?: boolean; from?: Blob } = {},
): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release = () => {};
  let dataDir: string | undefined;
  if (directory) {
    mkdirSync(directory, { recursive: true });
    release = lockDataDirectory(directory);
    dataDir = path.join(directory, "pglite");
  }
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(from ? { loadDataDir: from } : {}),
      ...(smallMemory ? { startParams: [...PGlite.defaultStartParams, ...smallMemoryParams] } : {}) });
    const db = drizzle(client, { schema, logger }) as unknown as Db;
    await migrate(db as never, { migrationsFolder });
    return {
      db,
      primary: db,
      kind: "embedded",
      // A checkpoint first, so the copy needs little WAL replay when it is opened. The dump runs
      // between two statements; a transaction open at that moment is rolled back on restore,
      // as after a crash at that instant.
      dump: async () => {
        await client.exec("checkpoint");
        return client.dumpDataDir("gzip");
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Connects to PostgreSQL servers. Migrations are applied by `npm run db:migrate`. With
 * `timeoutMs` (the server's requests) every connection attempt and every statement is bounded,
 * so a server that is away fails a request instead of holding it (and its connection)
 * indefinitely; commands (migrations, a vacuum, the bench's seed) run unbounded.
 */
export async function openPostgres(url: string, replicaUrls: string[] = [], max = 10, options: PostgresOptions = {}): Promise<Database> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { withReplicas } = await import("drizzle-orm/pg-core");
  const timeoutMs = options.timeoutMs;
  // The server ends a long statement itself a little before the client gives up on it, so that a
  // server that is merely slow answers with its own error (57014) and a frozen one is still
  // left within timeoutMs.
  const statementTimeout = timeoutMs ? timeoutMs - Math.min(250, Math.floor(timeoutMs / 5)) : undefined;
  const connect = (u: string) => {
    const client = postgres(u, {
      max,
      onnotice: () => {},
      ...(timeoutMs ? { connect_timeout: timeoutMs / 1000 } : {}),
      connection: { application_name: "gazette", ...(statementTimeout ? { statement_timeout: statementTimeout } : {}) },
    });
    return timeoutMs ? boundStatements(client, timeoutMs) : client;
  };
  const clients = [url, ...replicaUrls].map(connect);
  const [primaryClient, ...replicaClients] = clients;
  const primary = drizzle(primaryClient!, { schema, logger }) as unknown as Db;
  const replicas = replicaClients.map((c) => drizzle(c, { schema, logger }) as unknown as Db);
  const router =
    replicas.length > 0
      ? new ReplicaRouter<Db>(
          primary,
          replicas.map((db, i) => ({ name: new URL(replicaUrls[i]!).host, db })),
          { maxLagMs: options.maxLagMs ?? 30_000, checkTimeoutMs: Math.min(timeoutMs ?? 500, 500) },
        )
      : undefined;
  const [firstReplica, ...otherReplicas] = replicas;
  const db = firstReplica ? (withReplicas(primary, [firstReplica, ...otherReplicas], router!.pick) as unknown as Db) : primary;
  return {
    db,
    primary,
    kind: "postgres",
    router,
    close: async () => {
      router?.stop();
      await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
    },
  };
}

/**
 * Bounds every statement drizzle sends outside a transaction on the client's side too.
 * statement_timeout is the server's: a server that is frozen (SIGSTOP, a stalled disk, a
 * dead link whose peer still acknowledges) never enforces it, and its connections hold each
 * request, and every request queued behind them in the pool, until the OS gives up on the
 * socket. Past `ms` the statement rejects with DatabaseUnavailableError and is abandoned, not
 * cancelled: it still runs once the server resumes, its answer read and dropped, so every
 * connection serves again (postgres.js's cancel() of a statement handed to a connection still
 * connecting leaves that connection waiting forever). A write abandoned so may land late, as
 * one past an action's deadline may: callers make such writes idempotent.
 * Transactions are bounded by the deadline of the action that opens them (withDeadline).
 */
function boundStatements(client: Sql, ms: number): Sql {
  const unsafe = client.unsafe;
  client.unsafe = ((...args: Parameters<Sql["unsafe"]>) => {
    const query = unsafe(...args);
    const then = query.then;
    let bounded: Promise<unknown> | undefined;
    Object.defineProperty(query, "then", {
      configurable: true,
      value(onFulfilled?: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown) {
        bounded ??= withDeadline(() => new Promise((resolve, reject) => then.call(query, resolve, reject)), ms);
        return bounded.then(onFulfilled, onRejected);
      },
    });
    return query;
  }) as Sql["unsafe"];
  return client;
}

/** `serving`: the server's own database, whose waits are bounded by DATABASE_TIMEOUT_MS. */
export async function openDatabase(config: Env = env(), { serving = false, smallMemory = false } = {}): Promise<Database> {
  if (config.DATABASE_URL) {
    return openPostgres(config.DATABASE_URL, config.DATABASE_REPLICA_URLS, 10, {
      timeoutMs: serving ? config.DATABASE_TIMEOUT_MS : undefined,
      maxLagMs: config.DATABASE_REPLICA_MAX_LAG_SECONDS * 1000,
    });
  }
  return openEmbedded(config.dataDir, { smallMemory });
}

// One database per process, created on first use. Kept on globalThis so that Next.js's
// separately bundled server chunks (and dev-mode reloads) share it instead of each opening
// the embedded files again.
const globalKey = Symbol.for("gazette.database");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Database> };

export function database(): Promise<Database> {
  const store = globalThis as GlobalWithDb;
  if (!store[globalKey]) {
    store[globalKey] = openDatabase(env(), { serving: true });
    store[globalKey].catch(() => {
      delete store[globalKey];
    });
  }
  return store[globalKey];
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}

export async function getPrimaryDb(): Promise<Db> {
  return (await database()).primary;
}

/** The rows of `db.execute(sql…)`, whichever driver ran it: PGlite answers { rows }, postgres-js an array. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
