import { notFound } from "next/navigation";
import { queryCount } from "@/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/** End-to-end runs only: how many statements the server has sent to the database. */
export function GET() {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  return Response.json({ queries: queryCount() }, { headers: { "Cache-Control": "no-store" } });
}
