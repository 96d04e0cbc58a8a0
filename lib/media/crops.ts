import sharp from "sharp";
import { parseImageUrl } from "./addresses";

/**
 * The shapes search engines ask a NewsArticle's images in (Google: 16:9, 4:3 and 1:1), cut from
 * the hero's largest stored variant around its most salient part. `/media/{id}/16x9.webp`.
 */
export const cropRatios = { "16x9": [16, 9], "4x3": [4, 3], "1x1": [1, 1] } as const;
export type CropName = keyof typeof cropRatios;

export const isCropName = (name: string): name is CropName => Object.hasOwn(cropRatios, name);

/** The three crops of a hero stored at `/media/{publicId}/{width}.webp`; none for any other address. */
export function heroCropUrls(heroUrl: string): string[] {
  const address = parseImageUrl(heroUrl);
  return address ? Object.keys(cropRatios).map((name) => `/media/${address.publicId}/${name}.webp`) : [];
}

/** The largest box of the ratio inside width × height: the crop loses as little as it can. */
export function cropBox(width: number, height: number, [a, b]: readonly [number, number]) {
  return width * b > height * a ? { width: Math.round((height * a) / b), height } : { width, height: Math.round((width * b) / a) };
}

export async function cropImage(bytes: Buffer, name: CropName): Promise<Buffer> {
  const image = sharp(bytes);
  const { width, height } = await image.metadata();
  const box = cropBox(width!, height!, cropRatios[name]);
  return image.resize({ ...box, fit: "cover", position: sharp.strategy.attention }).webp({ quality: 80 }).toBuffer();
}
