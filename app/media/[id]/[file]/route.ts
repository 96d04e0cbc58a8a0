import { getDb, getPrimaryDb } from "@/db/client";
import { currentStaff } from "@/lib/auth/session";
import { cropImage, isCropName } from "@/lib/media/crops";
import { publicIdPattern } from "@/lib/media/addresses";
import { avifVariant } from "@/lib/media/images";
import { getMediaVariant } from "@/lib/media/queries";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// Variants never change once stored (a new upload gets a new id), so a public image is cached
// forever. An image no public article shows is a 404 to readers, and private to staff.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  if (!publicIdPattern.test(id)) return notFound();
  const crop = file.endsWith(".webp") ? file.slice(0, -5) : "";
  // `{width}.avif` is the same variant as AVIF, offered in a <picture> to the browsers that take it.
  const [, width, format] = /^(\d{1,5})\.(webp|avif)$/.exec(file) ?? [];
  if (!isCropName(crop) && !width) return notFound();
  // The shapes structured data offers (16x9, 4x3, 1x1) are cut from the largest variant on
  // request; like the variants they never change, so a CDN or nginx keeps them after the first.
  const variant = await getMediaVariant(await getDb(), { publicId: id, width: isCropName(crop) ? "largest" : Number(width) });
  if (!variant) return notFound();
  if (!variant.public && !(await currentStaff())) return notFound();
  const bytes = isCropName(crop)
    ? new Uint8Array(await cropImage(Buffer.from(variant.bytes), crop))
    : format === "avif"
      ? new Uint8Array(await avifVariant(await getPrimaryDb(), variant.mediaId, variant.width, variant.bytes))
      : Buffer.from(variant.bytes);
  return new Response(bytes, {
    headers: {
      "Content-Type": format === "avif" ? "image/avif" : "image/webp",
      "Cache-Control": variant.public ? "public, max-age=31536000, immutable" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
