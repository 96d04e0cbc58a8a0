import { sql } from "drizzle-orm";
import { database } from "@/db/client";

export const dynamic = "force-dynamic";

/** The shared cache's state, when this instance has one (lib/cache/cache-handler.mjs). */
function cacheState() {
  const shared = (globalThis as { [key: symbol]: { redisState?: string } | undefined })[Symbol.for("gazette.sharedCache")];
  return { redis: shared?.redisState ?? (process.env.REDIS_URL ? "connecting" : "off") };
}

/** Liveness and a database round trip, for load balancers. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, kind } = await database();
    await db.execute(sql`select 1`);
    return Response.json(
      { status: "ok", database: { kind, latencyMs: Math.round(performance.now() - started) }, cache: cacheState() },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("health check failed", error);
    return Response.json(
      { status: "error", database: { error: "unreachable" }, cache: cacheState() },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
