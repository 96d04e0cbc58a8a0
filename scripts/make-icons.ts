// `npx tsx scripts/make-icons.ts`: draws the favicon, the touch icon and the default site logo
// from app/icon.svg. Run again after changing the SVG; the results are committed.
import { readFileSync, writeFileSync } from "node:fs";
import sharp from "sharp";

const svg = readFileSync("app/icon.svg");
const density = (size: number) => 72 * Math.ceil(size / 64) * 2;
// RGBA, with the SVG's rounded corners transparent: an .ico's PNGs must carry alpha.
const png = (size: number) => sharp(svg, { density: density(size) }).resize(size, size).ensureAlpha().png().toBuffer();
/** A full square with a margin: iOS rounds the corners itself and shows transparency as black. */
const square = (size: number, padding: number) =>
  sharp(svg, { density: density(size) })
    .resize(size - 2 * padding, size - 2 * padding)
    .flatten({ background: "#b91c1c" })
    .extend({ top: padding, bottom: padding, left: padding, right: padding, background: "#b91c1c" })
    .png()
    .toBuffer();

/** An .ico holding PNG images (every browser since IE reads PNG inside ICO). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

writeFileSync("app/favicon.ico", ico([{ size: 16, data: await png(16) }, { size: 32, data: await png(32) }, { size: 48, data: await png(48) }]));
writeFileSync("app/apple-icon.png", await square(180, 10));
writeFileSync("public/logo.png", await square(512, 0));
