import "server-only";
import { and, arrayContains, desc, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, media, mediaVariants } from "@/db/schema";
import { isPublic } from "@/lib/articles/cards";
import { imageUrl } from "./addresses";

/**
 * A stored variant of an image, and whether readers may see it: only when an article that is
 * public shows it, as its hero or in its body. A draft's image is for staff until the draft is
 * published.
 */
export async function getMediaVariant(db: Db, { publicId, width }: { publicId: string; width: number | "largest" }) {
  const [found] = await db
    .select({ bytes: mediaVariants.bytes, mediaId: media.id, width: mediaVariants.width, imageWidth: media.width })
    .from(media)
    .innerJoin(
      mediaVariants,
      and(eq(mediaVariants.mediaId, media.id), eq(mediaVariants.format, "webp"), width === "largest" ? undefined : eq(mediaVariants.width, width)),
    )
    .where(eq(media.publicId, publicId))
    .orderBy(desc(mediaVariants.width))
    .limit(1);
  if (!found) return null;
  // Articles keep the URL of the largest variant (imageUrl), which the index finds at once.
  const shownAt = imageUrl({ publicId, width: found.imageWidth });
  const [shown] = await db
    .select({ one: sql<number>`1` })
    .from(articles)
    .where(and(or(eq(articles.heroImageUrl, shownAt), arrayContains(articles.bodyMedia, [publicId])), isPublic()))
    .limit(1);
  return { bytes: found.bytes, mediaId: found.mediaId, width: found.width, public: !!shown };
}
