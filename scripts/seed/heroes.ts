// Hero pictures for the demo newsroom, so that the front page, the section fronts and the
// cards show what Gazette does with images. They are drawn here (an SVG landscape per article,
// its colours and shapes chosen by the article's slug, rendered by sharp), so the repository
// ships no photographs and the seed asks no network for any. They go through the same
// storeImage as an upload: resized variants in the database, served from /media.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "../../db/client";
import * as t from "../../db/schema";
import { imageUrl } from "../../lib/media/addresses";
import { storeImage } from "../../lib/media/images";
import type { SeedArticle } from "./types";

export const demoHeroCredit = "Illustration: Gazette demo art";

/** Older stories go without a picture, as some do in any newsroom (and as the og.png fallback needs). */
export const hasDemoHero = (article: Pick<SeedArticle, "daysAgo">) => article.daysAgo <= 24;

const palettes = [
  { name: "blue", hue: 212 },
  { name: "teal", hue: 178 },
  { name: "green", hue: 128 },
  { name: "amber", hue: 38 },
  { name: "rose", hue: 345 },
  { name: "violet", hue: 265 },
] as const;

type Scene = { svg: string; alt: string };

/** A landscape of hills (and, for city desks, a skyline) under a sun, all from the slug's hash. */
export function drawHero(slug: string, section: string): Scene {
  const bytes = createHash("sha256").update(slug).digest();
  const pick = (i: number, n: number) => bytes[i]! % n;
  const palette = palettes[pick(0, palettes.length)]!;
  const hsl = (l: number, s = 55, shift = 0) => `hsl(${(palette.hue + shift) % 360} ${s}% ${l}%)`;
  const width = 1600;
  const height = 900;
  const sunX = 200 + pick(1, 12) * 100;
  const sunY = 180 + pick(2, 4) * 40;
  const city = ["world", "politics", "business", "technology"].includes(section);
  const hills = [0, 1, 2].map((layer) => {
    const base = 560 + layer * 110;
    const peaks = Array.from({ length: 5 }, (_, i) => base - 60 - pick(3 + layer * 5 + i, 140));
    const step = width / 4;
    const d = [`M0 ${base}`, ...peaks.map((y, i) => `Q${i * step - step / 2} ${y} ${i * step} ${base - 20}`), `L${width} ${height} L0 ${height} Z`].join(" ");
    return `<path d="${d}" fill="${hsl(38 - layer * 10, 45 + layer * 5)}"/>`;
  });
  const towers = city
    ? Array.from({ length: 14 }, (_, i) => {
        const w = 50 + pick(18 + i, 50);
        const h = 120 + pick(32 - i, 200);
        return `<rect x="${80 + i * 105}" y="${600 - h}" width="${w}" height="${h + 40}" fill="${hsl(22, 30)}"/>`;
      }).join("")
    : "";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${hsl(82, 70)}"/><stop offset="1" stop-color="${hsl(62, 60, 25)}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${sunY}" r="${70 + pick(4, 40)}" fill="hsl(45 95% 70%)"/>
${towers}${hills.join("")}
</svg>`;
  const alt = `Illustration: ${city ? "a city skyline in front of hills" : "rolling hills"} under a low sun, in shades of ${palette.name}.`;
  return { svg, alt };
}

/** Draws, stores and attaches a hero to each published demo article that gets one. */
export async function addDemoHeroImages(db: Db, articles: readonly SeedArticle[]) {
  for (const article of articles.filter(hasDemoHero)) {
    const { svg, alt } = drawHero(article.slug, article.section);
    const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    const stored = await storeImage(db, new File([new Uint8Array(jpeg)], `${article.slug}.jpg`, { type: "image/jpeg" }), null);
    await db
      .update(t.articles)
      .set({
        heroImageUrl: imageUrl(stored),
        heroImageWidth: stored.width,
        heroImageHeight: stored.height,
        heroImageAlt: alt,
        heroImageCredit: demoHeroCredit,
      })
      .where(eq(t.articles.slug, article.slug));
  }
}
