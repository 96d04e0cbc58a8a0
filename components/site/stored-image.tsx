import { preload } from "react-dom";
import { parseImageUrl, variantSrcSet } from "@/lib/media/addresses";

/**
 * An image as the site stores it (lib/media/addresses.ts): every stored width as a srcset, AVIF
 * for the browsers that take it and WebP for the rest, with its size set so the page does not
 * shift while it loads. Not next/image: the variants are made at upload, and the optimizer would
 * redo that work (and its component hydrates in the browser, once per image, for nothing).
 *
 * Below the fold an image loads when near. The one image a page leads with (`priority`) is asked
 * for at once, at high priority, and preloaded from the head, before any script: the browser
 * fetches it before it has parsed the page down to it. Any other address (an imported article's
 * picture elsewhere) is a plain image.
 */
export function StoredImage({
  src,
  alt,
  sizes,
  width,
  height,
  className,
  priority = false,
}: {
  src: string;
  alt: string;
  sizes: string;
  width: number;
  height: number;
  className?: string;
  priority?: boolean;
}) {
  const address = parseImageUrl(src);
  const attributes = { width, height, className, decoding: "async", loading: priority ? "eager" : "lazy", fetchPriority: priority ? "high" : undefined } as const;
  // eslint-disable-next-line @next/next/no-img-element -- an address outside the stored variants
  if (!address) return <img src={src} alt={alt} {...attributes} />;
  const avif = variantSrcSet(address, "avif");
  // Every browser that reads `type` on a preload takes AVIF, and picks from the srcset what the <source> will.
  if (priority) preload(src.replace(/\.webp$/, ".avif"), { as: "image", type: "image/avif", imageSrcSet: avif, imageSizes: sizes, fetchPriority: "high" });
  return (
    <picture>
      <source type="image/avif" srcSet={avif} sizes={sizes} />
      <img src={src} srcSet={variantSrcSet(address, "webp")} sizes={sizes} alt={alt} {...attributes} />
    </picture>
  );
}
