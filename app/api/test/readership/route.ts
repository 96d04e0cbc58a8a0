import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { flushReads, readership } from "@/lib/readership/beacon";

export const dynamic = "force-dynamic";

/**
 * What the beacon route decided, and its flushes. The counters are the whole process's, which
 * every spec running beside a test moves; `?agent=` adds the last beacons of the browsers
 * whose user agent contains it, for a test to read its own reader's.
 */
function report(request: Request) {
  const { ingest, flushes, served, traced } = readership();
  const agent = new URL(request.url).searchParams.get("agent");
  const beacons = agent ? (traced ?? []).filter((b) => b.userAgent.includes(agent)).map(({ outcome, via }) => ({ outcome, via })) : undefined;
  return Response.json({ outcomes: ingest.outcomes, pending: ingest.aggregator.size, flushes, served, beacons }, { headers: { "Cache-Control": "no-store" } });
}

/** End-to-end runs and the benchmark only. */
export function GET(request: Request) {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  return report(request);
}

/** Writes the counts now, so that a test need not wait for the timer. */
export async function POST(request: Request) {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  await flushReads();
  return report(request);
}
