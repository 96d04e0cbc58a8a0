import { database } from "@/db/client";
import { env } from "@/lib/env";
import { isInternalToken } from "@/lib/internal-token";

export const dynamic = "force-dynamic";

const privateHeaders = { "Cache-Control": "private, no-store" };

/**
 * A consistent dump of the embedded database, made by this server's own PGlite (only one
 * process may open the files): `npm run db:backup` asks for it while the server runs.
 */
export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get("x-gazette-internal"))) {
    return Response.json({ error: "forbidden" }, { status: 403, headers: privateHeaders });
  }
  const opened = await database();
  if (!opened.dump) {
    return Response.json({ error: "this server uses PostgreSQL: back it up with pg_dump" }, { status: 409, headers: privateHeaders });
  }
  const blob = await opened.dump();
  return new Response(blob, {
    headers: { ...privateHeaders, "Content-Type": "application/gzip", "X-Gazette-Data-Dir": env().dataDir },
  });
}
