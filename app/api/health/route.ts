import { database } from "@/db/client";
import { checkHealth } from "@/lib/health/check";

export const dynamic = "force-dynamic";

/** The shared cache's state, when this instance has one (lib/cache/cache-handler.mjs). */
function cacheState() {
  const shared = (globalThis as { [key: symbol]: { redisState?: string } | undefined })[Symbol.for("gazette.sharedCache")];
  return { redis: shared?.redisState ?? (process.env.REDIS_URL ? "connecting" : "off") };
}

/** Liveness and a database round trip, for load balancers; always within a second. */
export async function GET() {
  const { httpStatus, report } = await checkHealth(database);
  if (report.status === "error") console.error("health check failed:", JSON.stringify(report));
  return Response.json({ ...report, cache: cacheState() }, { status: httpStatus, headers: { "Cache-Control": "no-store" } });
}
