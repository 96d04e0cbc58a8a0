import { describe, expect, test } from "vitest";
import { imageUrl, parseImageUrl, variantSrcSet } from "./addresses";

const id = "0123456789abcdef0123456789abcdef";

describe("stored image addresses", () => {
  test("an address imageUrl makes reads back as the image and width it names", () => {
    // [the upload's width, the largest stored variant]
    for (const [width, largest] of [[300, 300], [480, 480], [1000, 960], [1440, 1440], [4000, 1440]] as const) {
      const url = imageUrl({ publicId: id, width });
      expect(url).toBe(`/media/${id}/${largest}.webp`);
      expect(parseImageUrl(url)).toEqual({ publicId: id, width: largest });
    }
  });

  test("any other address is not a stored image", () => {
    for (const url of [
      `/media/${id}/16x9.webp`,
      `/media/${id}/1440.avif`,
      `/media/${id.toUpperCase()}/1440.webp`,
      `/media/${id.slice(1)}/1440.webp`,
      `/media/12/1440.webp`,
      `https://example.com/media/${id}/1440.webp`,
      `/media/${id}/1440.webp?x=1`,
      `/media/${id}/123456.webp`,
      "",
    ])
      expect(parseImageUrl(url), url).toBeNull();
  });

  test("a srcset lists every stored width up to the one the address names, in the format asked", () => {
    expect(variantSrcSet({ publicId: id, width: 1440 }, "avif")).toBe(`/media/${id}/480.avif 480w, /media/${id}/960.avif 960w, /media/${id}/1440.avif 1440w`);
    expect(variantSrcSet({ publicId: id, width: 960 }, "webp")).toBe(`/media/${id}/480.webp 480w, /media/${id}/960.webp 960w`);
    // an upload narrower than the smallest width is stored at its own width only
    expect(variantSrcSet({ publicId: id, width: 300 }, "webp")).toBe(`/media/${id}/300.webp 300w`);
  });
});
