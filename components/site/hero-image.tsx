import { variantWidths } from "@/lib/media/images";

/**
 * An uploaded hero image with its stored variants as a srcset, AVIF for the browsers that take
 * it and WebP for the rest, and its real size, so the page does not shift while it loads.
 */
export function HeroImage({ src, alt, width, height }: { src: string; alt: string; width: number | null; height: number | null }) {
  const match = /^\/media\/([0-9a-f]{32})\/(\d+)\.webp$/.exec(src);
  const largest = match ? Number(match[2]) : null;
  const srcSet = (format: "avif" | "webp") =>
    match ? [...variantWidths.filter((w) => w < largest!), largest!].map((w) => `/media/${match[1]}/${w}.${format} ${w}w`).join(", ") : undefined;
  const sizes = "(min-width: 60rem) 46rem, 100vw";
  const w = width ?? 1200;
  const h = height ?? Math.round((w * 9) / 16);
  return (
    <picture>
      {match && <source type="image/avif" srcSet={srcSet("avif")} sizes={sizes} />}
      {/* Not next/image: the variants are made at upload, and the optimizer would redo that work. */}
      <img src={src} srcSet={srcSet("webp")} sizes={sizes} alt={alt} width={w} height={h} fetchPriority="high" />
    </picture>
  );
}
