import { getDb } from "@/db/client";
import { currentStaff } from "@/lib/auth/session";
import { publicIdPattern } from "@/lib/media/images";
import { getMediaVariant } from "@/lib/media/queries";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

// Variants never change once stored (a new upload gets a new id), so a public image is cached
// forever. An image no public article shows is a 404 to readers, and private to staff.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  const match = /^(\d{1,5})\.webp$/.exec(file);
  if (!publicIdPattern.test(id) || !match) return notFound();
  const variant = await getMediaVariant(await getDb(), { publicId: id, width: Number(match[1]) });
  if (!variant) return notFound();
  if (!variant.public && !(await currentStaff())) return notFound();
  return new Response(Buffer.from(variant.bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": variant.public ? "public, max-age=31536000, immutable" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
