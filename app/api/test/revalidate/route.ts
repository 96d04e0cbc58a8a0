import { revalidateTag } from "next/cache";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * End-to-end runs only: expires one cache tag at once, as a publishing action would, so tests
 * can show which pages a tag refreshes before the editorial workspace exists.
 */
export async function POST(request: Request) {
  if (env().GAZETTE_TEST_HOOKS !== "1") notFound();
  const tag = new URL(request.url).searchParams.get("tag");
  if (!tag || tag.length > 200) return Response.json({ error: "tag required" }, { status: 400 });
  revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: tag }, { headers: { "Cache-Control": "no-store" } });
}
