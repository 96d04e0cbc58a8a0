import { notFound } from "next/navigation";
import { queryCount, statementsSince } from "@/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * End-to-end runs only: how many statements the server has sent to the database, and with
 * `?since=N` the statements themselves (text and parameters) sent after the Nth.
 */
export function GET(request: Request) {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  const since = new URL(request.url).searchParams.get("since");
  const body = since === null ? { queries: queryCount() } : { queries: queryCount(), statements: statementsSince(Number(since)) };
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
