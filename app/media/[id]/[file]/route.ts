import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { mediaVariants } from "@/db/schema";
import { cropImage, isCropName } from "@/lib/media/crops";

const immutable = {
  "Content-Type": "image/webp",
  "Cache-Control": "public, max-age=31536000, immutable",
  "X-Content-Type-Options": "nosniff",
};

export const dynamic = "force-dynamic";

// Variants never change once stored (a new upload gets a new id), so they are cached forever.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  const crop = file.endsWith(".webp") ? file.slice(0, -5) : "";
  if (/^\d{1,9}$/.test(id) && isCropName(crop)) {
    // The shapes structured data offers, cut from the largest variant on request; like the
    // variants they never change, so a CDN or nginx keeps them after the first.
    const db = await getDb();
    const [largest] = await db
      .select({ bytes: mediaVariants.bytes })
      .from(mediaVariants)
      .where(and(eq(mediaVariants.mediaId, Number(id)), eq(mediaVariants.format, "webp")))
      .orderBy(desc(mediaVariants.width))
      .limit(1);
    if (!largest) return new Response("Not found", { status: 404 });
    return new Response(new Uint8Array(await cropImage(Buffer.from(largest.bytes), crop)), { headers: immutable });
  }
  const match = /^(\d{1,5})\.webp$/.exec(file);
  if (!/^\d{1,9}$/.test(id) || !match) return new Response("Not found", { status: 404 });
  const db = await getDb();
  const [variant] = await db
    .select({ bytes: mediaVariants.bytes })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, Number(id)), eq(mediaVariants.width, Number(match[1])), eq(mediaVariants.format, "webp")));
  if (!variant) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(variant.bytes), { headers: immutable });
}
