import { revalidateTag } from "next/cache";
import { z } from "zod";
import { expireAfterWrite } from "@/lib/cache/expire";
import { isInternalToken } from "@/lib/internal-token";

export const dynamic = "force-dynamic";

const body = z.object({ tags: z.array(z.string().min(1).max(256)).max(200) });

export async function POST(request: Request) {
  if (!isInternalToken(request.headers.get("x-gazette-internal"))) {
    return Response.json({ error: "forbidden" }, { status: 403, headers: { "Cache-Control": "private, no-store" } });
  }
  const parsed = body.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "bad request" }, { status: 400 });
  // The scheduler's writes are noted like an action's; a replica's catching up is not a new write.
  if (request.headers.get("x-gazette-replayed") === "1") {
    for (const tag of new Set(parsed.data.tags)) revalidateTag(tag, { expire: 0 });
  } else {
    await expireAfterWrite(parsed.data.tags);
  }
  return Response.json({ revalidated: parsed.data.tags.length }, { headers: { "Cache-Control": "private, no-store" } });
}
