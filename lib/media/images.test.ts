import { eq } from "drizzle-orm";
import sharp from "sharp";
import { expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import { imageUrl } from "./addresses";
import { ImageRejected, storeImage } from "./images";

async function png(width: number, height: number) {
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } }).png().toBuffer();
  return new File([new Uint8Array(bytes)], "photo.png", { type: "image/png" });
}

describeEachDatabase("storeImage", (database) => {
  it("accepts an image by its content and stores responsive WebP variants", async () => {
    const stored = await storeImage(database().primary, await png(1600, 900), null);
    expect(stored).toMatchObject({ width: 1600, height: 900 });
    expect(imageUrl(stored)).toBe(`/media/${stored.publicId}/1440.webp`);
    const variants = await database().primary.select().from(t.mediaVariants).where(eq(t.mediaVariants.mediaId, stored.id));
    expect(variants.map((v) => v.width).sort((a, b) => a - b)).toEqual([480, 960, 1440]);
    const meta = await sharp(Buffer.from(variants[0]!.bytes)).metadata();
    expect(meta.format).toBe("webp");
    // The same bytes again are the same image.
    expect((await storeImage(database().primary, await png(1600, 900), null)).id).toBe(stored.id);
  });

  it("stands a photograph taken on its side upright, and measures it so", async () => {
    // EXIF orientation 6: the camera was turned, the pixels are stored 1600 wide and 900 high.
    const bytes = await sharp({ create: { width: 1600, height: 900, channels: 3, background: "#369" } }).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const stored = await storeImage(database().primary, new File([new Uint8Array(bytes)], "portrait.jpg"), null);
    expect(stored).toMatchObject({ width: 900, height: 1600 });
    const variants = await database().primary.select().from(t.mediaVariants).where(eq(t.mediaVariants.mediaId, stored.id));
    expect(variants.map((v) => v.width).sort((a, b) => a - b)).toEqual([480, 900]);
    const largest = await sharp(Buffer.from(variants.find((v) => v.width === 900)!.bytes)).metadata();
    expect([largest.width, largest.height]).toEqual([900, 1600]);
  });

  it("never makes a small image larger", async () => {
    const stored = await storeImage(database().primary, await png(300, 200), null);
    expect(imageUrl(stored)).toBe(`/media/${stored.publicId}/300.webp`);
  });

  it("refuses what is not a JPEG, PNG or WebP, whatever its name says", async () => {
    const text = new File(["<svg onload=alert(1)></svg>"], "holiday.jpg", { type: "image/jpeg" });
    await expect(storeImage(database().primary, text, null)).rejects.toThrow(ImageRejected);
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } }).gif().toBuffer();
    await expect(storeImage(database().primary, new File([new Uint8Array(gif)], "a.png"), null)).rejects.toThrow("JPEG, PNG or WebP");
    const huge = new File([new Uint8Array(10 * 1024 * 1024 + 1)], "big.png");
    await expect(storeImage(database().primary, huge, null)).rejects.toThrow("at most 10 MB");
  });
});
