import sharp from "sharp";
import { expect, it } from "vitest";
import { cropBox, cropImage, heroCropUrls, isCropName } from "./crops";

it("offers the three shapes for a stored hero, and none for an image from elsewhere", () => {
  const id = "0123456789abcdef0123456789abcdef";
  expect(heroCropUrls(`/media/${id}/1440.webp`)).toEqual([`/media/${id}/16x9.webp`, `/media/${id}/4x3.webp`, `/media/${id}/1x1.webp`]);
  expect(heroCropUrls("/media/12/1440.webp")).toEqual([]);
  expect(heroCropUrls("https://example.org/a.jpg")).toEqual([]);
  expect(isCropName("4x3")).toBe(true);
  expect(isCropName("3x2")).toBe(false);
  expect(isCropName("constructor")).toBe(false);
});

it("cuts the largest box of each ratio", async () => {
  expect(cropBox(1440, 810, [16, 9])).toEqual({ width: 1440, height: 810 });
  expect(cropBox(1440, 810, [4, 3])).toEqual({ width: 1080, height: 810 });
  expect(cropBox(1440, 810, [1, 1])).toEqual({ width: 810, height: 810 });
  expect(cropBox(600, 900, [16, 9])).toEqual({ width: 600, height: 338 });
  const source = await sharp({ create: { width: 1440, height: 810, channels: 3, background: "#336699" } }).webp().toBuffer();
  const square = await sharp(await cropImage(source, "1x1")).metadata();
  expect([square.format, square.width, square.height]).toEqual(["webp", 810, 810]);
});
