import { receiveBeacon } from "@/lib/readership/beacon";

export const dynamic = "force-dynamic";

/**
 * The read beacon (components/site/read-beacon.tsx). Whatever the outcome, the answer is the same
 * empty 204: a bot or a flood learns nothing from it, and nothing is set (no cookie).
 */
export async function POST(request: Request) {
  await receiveBeacon(request);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
