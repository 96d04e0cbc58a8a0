// The addresses of stored images, apart from how they are stored (lib/media/images.ts, which
// needs sharp and the database): reader pages, the Markdown renderer and the restore read them.

/** The widths every upload is stored in, as WebP (and AVIF, made when first asked for). */
export const variantWidths = [480, 960, 1440] as const;

/** A media URL's public id: 32 lowercase hex digits. */
export const publicIdPattern = /^[0-9a-f]{32}$/;

type Address = { publicId: string; width: number };

/** The URL of an image's largest variant; the page derives the smaller ones from it. */
export function imageUrl(image: Address): string {
  const widths = variantWidths.filter((w) => w <= image.width);
  return `/media/${image.publicId}/${widths.at(-1) ?? Math.min(image.width, variantWidths[0])}.webp`;
}

/** What `imageUrl` made (`/media/{public id}/{width}.webp`), read back; null for any other address. */
export function parseImageUrl(url: string): Address | null {
  const match = /^\/media\/([0-9a-f]{32})\/(\d{1,5})\.webp$/.exec(url);
  return match ? { publicId: match[1]!, width: Number(match[2]) } : null;
}

/** Every stored width of an image up to the largest its address names, as a srcset. */
export function variantSrcSet({ publicId, width }: Address, format: "avif" | "webp"): string {
  return [...variantWidths.filter((w) => w < width), width].map((w) => `/media/${publicId}/${w}.${format} ${w}w`).join(", ");
}
