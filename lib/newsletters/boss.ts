import PgBoss from "pg-boss";
import type { Db } from "@/db/client";

// pg-boss keeps the delivery jobs (one per recipient) in its own schema, `pgboss`, in the
// same database as everything else. It talks to that database through the connection Gazette
// already has: the embedded PGlite, or the postgres-js pool (a statement that opens its own
// transaction, pg-boss's locked maintenance, runs on a reserved connection). So it runs on both
// databases without a second pool, and tests get one per throw-away database.
//
// pg-boss's own timers are off (supervise, schedule, monitor): the newsletter pass calls
// expire() itself before it fetches, so a job whose worker died comes back within one pass
// of its expiry, and maintain() from the server's loop; nothing keeps running after a
// database is closed.

export const deliveryQueue = "newsletter-delivery";

export type QueueSettings = {
  /** tries after the first: a temporary refusal (4xx, a dropped connection) is tried again */
  retryLimit: number;
  /** seconds before the first retry; each next one waits about twice as long (with jitter) */
  retryDelay: number;
  /** a fetched job nobody completed (its worker died) is retried after this long */
  expireInSeconds: number;
};

export const defaultQueueSettings: QueueSettings = { retryLimit: 4, retryDelay: 60, expireInSeconds: 120 };

type Client = {
  query?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  exec?: (text: string) => Promise<{ rows: unknown[] }[]>;
  unsafe?: (text: string, values?: unknown[]) => Promise<unknown[]>;
  reserve?: () => Promise<{ unsafe: (text: string) => Promise<unknown[]>; release: () => void }>;
};

/**
 * A value as postgres-js can send it: pg's driver (pg-boss's own) sends undefined as null and
 * an object as its JSON; postgres-js does neither by itself.
 */
function asParameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value)) return JSON.stringify(value);
  return value;
}

/** pg-boss's `db` option over drizzle's own client: PGlite, or postgres-js. */
function executorFor(db: Db): { executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } {
  const client = (db as unknown as { $client: Client }).$client;
  if (client.exec && client.query) {
    const { exec, query } = { exec: client.exec.bind(client), query: client.query.bind(client) };
    return {
      // PGlite takes several statements only without parameters (exec), one with them (query).
      executeSql: async (text, values) => {
        if (values && values.length > 0) return query(text, values);
        const results = await exec(text);
        return results[results.length - 1] ?? { rows: [] };
      },
    };
  }
  const unsafe = client.unsafe!.bind(client);
  const reserve = client.reserve!.bind(client);
  return {
    executeSql: async (text, values) => {
      if (/^\s*begin\b/i.test(text)) {
        const connection = await reserve();
        try {
          return { rows: [...(await connection.unsafe(text))] };
        } finally {
          connection.release();
        }
      }
      return { rows: [...(await unsafe(text, (values ?? []).map(asParameter) as never[]))] };
    },
  };
}

const bosses = new WeakMap<Db, Promise<PgBoss>>();

async function start(db: Db, settings: QueueSettings): Promise<PgBoss> {
  const boss = new PgBoss({ db: executorFor(db), supervise: false, schedule: false, migrate: true });
  boss.on("error", (error) => console.error("pg-boss:", error));
  await boss.start();
  const options = { name: deliveryQueue, retryLimit: settings.retryLimit, retryDelay: settings.retryDelay, retryBackoff: true, expireInSeconds: settings.expireInSeconds };
  if (!(await boss.getQueue(deliveryQueue))) {
    // Two instances may get here at once: the loser's create fails, and the queue is there.
    await boss.createQueue(deliveryQueue, options).catch(async (error) => {
      if (!(await boss.getQueue(deliveryQueue))) throw error;
    });
  } else {
    await boss.updateQueue(deliveryQueue, options);
  }
  return boss;
}

/** The queue of this database (the primary): started, migrated and configured on first use. */
export function queueOf(db: Db, settings: QueueSettings = defaultQueueSettings): Promise<PgBoss> {
  let boss = bosses.get(db);
  if (!boss) {
    boss = start(db, settings);
    boss.catch(() => bosses.delete(db));
    bosses.set(db, boss);
  }
  return boss;
}
