import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { flushReads, readership } from "@/lib/readership/beacon";

export const dynamic = "force-dynamic";

/** End-to-end runs and the benchmark only: what the beacon route decided, and its flushes. */
export function GET() {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  const { ingest, flushes, served } = readership();
  return Response.json({ outcomes: ingest.outcomes, pending: ingest.aggregator.size, flushes, served }, { headers: { "Cache-Control": "no-store" } });
}

/** Writes the counts now, so that a test need not wait for the timer. */
export async function POST() {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  await flushReads();
  const { ingest, flushes, served } = readership();
  return Response.json({ outcomes: ingest.outcomes, pending: ingest.aggregator.size, flushes, served }, { headers: { "Cache-Control": "no-store" } });
}
