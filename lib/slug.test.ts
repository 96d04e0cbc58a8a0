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

  it("drops the word the limit falls inside, rather than leaving half of it", () => {
    // Eleven-letter words: the 80th character falls inside the eighth.
    expect(slugify("abcdefghijk ".repeat(10))).toBe(Array(6).fill("abcdefghijk").join("-"));
    expect(slugify("Budget vote delayed again", 20)).toBe("budget-vote-delayed");
    expect(slugify("Budget vote delayed again", 22)).toBe("budget-vote-delayed");
  });

  it("cuts inside a word only when the last boundary would lose more than half", () => {
    expect(slugify("a".repeat(100))).toBe("a".repeat(80));
    expect(slugify(`${"x".repeat(30)} ${"y".repeat(60)}`)).toBe(`${"x".repeat(30)}-${"y".repeat(49)}`);
    expect(slugify(`${"x".repeat(41)} ${"y".repeat(60)}`)).toBe("x".repeat(41));
  });

  it("rejects what is not a slug", () => {
    expect(isSlug("Has Caps")).toBe(false);
    expect(isSlug("../etc")).toBe(false);
    expect(isSlug("a".repeat(81))).toBe(false);
    expect(isSlug("")).toBe(false);
  });
});
