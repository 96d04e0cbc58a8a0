import { afterEach, describe, expect, it } from "vitest";
import { openEmbedded, type Database } from "@/db/client";
import { checkHealth } from "./check";

const shutdownKey = Symbol.for("gazette.shutdown");
const store = globalThis as { [key: symbol]: unknown };

describe("checkHealth", () => {
  let database: Database | undefined;
  afterEach(async () => {
    delete store[shutdownKey];
    await database?.close();
    database = undefined;
  });

  it("answers 200 with the database's round trip, and 503 'draining' from the moment shutdown begins", async () => {
    database = await openEmbedded(undefined);
    const open = async () => database!;
    expect(await checkHealth(open)).toMatchObject({ httpStatus: 200, report: { status: "ok", database: { kind: "embedded" } } });
    // What scripts/server.mjs sets on SIGTERM.
    store[shutdownKey] = { since: Date.now(), signal: "SIGTERM" };
    expect(await checkHealth(open)).toEqual({ httpStatus: 503, report: { status: "draining", database: {} } });
  });

  it("answers 503 within its deadline when the database never opens", async () => {
    const started = performance.now();
    const { httpStatus } = await checkHealth(() => new Promise<Database>(() => {}), 300);
    expect(httpStatus).toBe(503);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
