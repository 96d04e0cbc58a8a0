import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import sharp, { type Metadata } from "sharp";
import type { Db } from "@/db/client";
import type { OffTheClock } from "@/db/deadline";
import { media, mediaVariants } from "@/db/schema";
import { variantWidths } from "./addresses";

export const maxUploadBytes = 10 * 1024 * 1024;
const accepted = new Set(["jpeg", "png", "webp"]);

export class ImageRejected extends Error {
  override name = "ImageRejected";
}

export type StoredImage = { id: number; publicId: string; width: number; height: number };

/**
 * Stores an uploaded hero image: accepted by what its bytes are (JPEG, PNG or WebP), never by
 * its file name; resized to responsive widths as WebP; kept in PostgreSQL beside the articles.
 * The resizing (seconds for a large photograph on a busy host) runs through `offTheClock`, so
 * that an action's wait for the database does not run out while the CPU works.
 */
export async function storeImage(
  db: Db,
  file: File,
  createdBy: number | null,
  { offTheClock = (work) => work() }: { offTheClock?: OffTheClock } = {},
): Promise<StoredImage> {
  if (file.size === 0) throw new ImageRejected("The image file is empty.");
  if (file.size > maxUploadBytes) throw new ImageRejected("Please upload an image of at most 10 MB.");
  const bytes = Buffer.from(await file.arrayBuffer());
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: 50_000_000 }).metadata();
  } catch {
    throw new ImageRejected("This file is not an image. Please upload a JPEG, PNG or WebP image.");
  }
  if (!meta.format || !accepted.has(meta.format) || !meta.width || !meta.height) {
    throw new ImageRejected("Please upload a JPEG, PNG or WebP image.");
  }
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const [existing] = await db.select().from(media).where(eq(media.sha256, sha256));
  if (existing) return { id: existing.id, publicId: existing.publicId, width: existing.width, height: existing.height };

  const swap = (meta.orientation ?? 1) >= 5;
  const [width, height] = swap ? [meta.height, meta.width] : [meta.width, meta.height];
  const widths = [...new Set(variantWidths.map((w) => Math.min(w, width)))];
  const rotated = sharp(bytes).rotate();
  const variants = await offTheClock(() =>
    Promise.all(widths.map(async (w) => ({ width: w, bytes: await rotated.clone().resize({ width: w }).webp({ quality: 80 }).toBuffer() }))),
  );
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(media)
      .values({ sha256, mime: `image/${meta.format}`, width, height, originalName: file.name.slice(0, 200), createdBy })
      .returning({ id: media.id, publicId: media.publicId });
    await tx.insert(mediaVariants).values(variants.map((v) => ({ mediaId: row!.id, width: v.width, format: "webp", bytes: v.bytes })));
    return { id: row!.id, publicId: row!.publicId, width, height };
  });
}

/**
 * The AVIF of a stored WebP variant, made the first time a browser that takes AVIF asks for it
 * and kept beside the WebP: uploads stay quick (AVIF is slow to encode), and images stored
 * before AVIF was served get one too. Two requests at once store one.
 */
export async function avifVariant(db: Db, mediaId: number, width: number, webp: Uint8Array): Promise<Buffer> {
  const [stored] = await db
    .select({ bytes: mediaVariants.bytes })
    .from(mediaVariants)
    .where(and(eq(mediaVariants.mediaId, mediaId), eq(mediaVariants.width, width), eq(mediaVariants.format, "avif")));
  if (stored) return Buffer.from(stored.bytes);
  const bytes = await sharp(Buffer.from(webp)).avif({ quality: 55, effort: 2 }).toBuffer();
  // Not kept (a read-only moment, say), it is made again next time: the answer does not wait on it.
  await db
    .insert(mediaVariants)
    .values({ mediaId, width, format: "avif", bytes })
    .onConflictDoNothing()
    .catch((error: unknown) => console.error("Could not keep an AVIF variant:", error));
  return bytes;
}
