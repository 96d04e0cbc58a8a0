import { sql } from "drizzle-orm";
import { database } from "@/db/client";

export const dynamic = "force-dynamic";

/** Liveness and a database round trip, for load balancers. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, kind } = await database();
    await db.execute(sql`select 1`);
    return Response.json(
      { status: "ok", database: { kind, latencyMs: Math.round(performance.now() - started) } },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    console.error("health check failed", error);
    return Response.json(
      { status: "error", database: { error: "unreachable" } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
