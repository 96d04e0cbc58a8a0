import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Vesna river crossing reopens", "vesna-river-crossing-reopens"],
    ["Tomáš Novák’s Straße", "tomas-novaks-strasse"],
    ["  --Ørsted & Łódź!!  ", "orsted-and-lodz"],
    ["日本語", ""],
  ])("%s → %s", (input, slug) => expect(slugify(input)).toBe(slug));

  it("cuts long titles at a word boundary", () => {
    const slug = slugify("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect(isSlug(slug)).toBe(true);
  });

  it("rejects what is not a slug", () => {
    expect(isSlug("Has Caps")).toBe(false);
    expect(isSlug("../etc")).toBe(false);
    expect(isSlug("a".repeat(81))).toBe(false);
    expect(isSlug("")).toBe(false);
  });
});
