import { variantWidths } from "@/lib/media/images";

/**
 * An uploaded hero image with its stored WebP variants as a srcset, and its real size, so the
 * page does not shift while it loads.
 */
export function HeroImage({ src, alt, width, height }: { src: string; alt: string; width: number | null; height: number | null }) {
  const match = /^\/media\/([0-9a-f]{32})\/(\d+)\.webp$/.exec(src);
  const largest = match ? Number(match[2]) : null;
  const srcSet = match
    ? [...variantWidths.filter((w) => w < largest!), largest!].map((w) => `/media/${match[1]}/${w}.webp ${w}w`).join(", ")
    : undefined;
  const w = width ?? 1200;
  const h = height ?? Math.round((w * 9) / 16);
  return (
    // eslint-disable-next-line @next/next/no-img-element -- variants are made at upload; the image optimizer would redo that work per request
    <img src={src} srcSet={srcSet} sizes="(min-width: 60rem) 46rem, 100vw" alt={alt} width={w} height={h} fetchPriority="high" />
  );
}
