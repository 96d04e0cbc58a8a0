import { describe, expect, it } from "vitest";
import { checkForm, checkText, countLinks, findListedWords, foldForMatching, mixesAlphabets, spamRules, worstSeverity } from "./spam";

describe("findListedWords", () => {
  const words = ["casino", "cheap pills", "viagra"];

  it("finds whole words and phrases whatever their case", () => {
    expect(findListedWords("Visit our CASINO today", words)).toEqual(["casino"]);
    expect(findListedWords("Buy Cheap   Pills here", words)).toEqual(["cheap pills"]);
  });

  it("is not fooled by accents, full-width letters or invisible characters", () => {
    expect(findListedWords("cásìnò night", words)).toEqual(["casino"]);
    expect(findListedWords("ｃａｓｉｎｏ", words)).toEqual(["casino"]);
    expect(findListedWords("via\u200Bgra", words)).toEqual(["viagra"]);
    expect(findListedWords("via\u00ADgra", words)).toEqual(["viagra"]);
  });

  it("does not match inside other words", () => {
    expect(findListedWords("the casinos of Monte Carlo", ["casino"])).toEqual([]);
    expect(findListedWords("Scunthorpe United", ["cunt"])).toEqual([]);
  });

  it("treats regular-expression characters in a listed word literally", () => {
    expect(findListedWords("price: $$$ now", ["$$$"])).toEqual(["$$$"]);
    expect(findListedWords("anything at all", [".*"])).toEqual([]);
  });
});

describe("countLinks", () => {
  it("counts addresses with a scheme or www.", () => {
    expect(countLinks("see https://a.example and http://b.example/x?y=1 or www.c.example")).toBe(3);
    expect(countLinks("no links, just a sentence. And an e.g. abbreviation")).toBe(0);
    expect(countLinks("a-very-long-but-real-scheme+x://example.net")).toBe(1);
  });

  // Quadratic, 100,000 characters of "a.a.a.…" took about 13 s here; linear, milliseconds.
  it("reads a text that looks like an endless scheme in one pass", { timeout: 1000 }, () => {
    expect(countLinks("a.".repeat(50_000))).toBe(0);
    expect(countLinks(`${"a.".repeat(50_000)}://x`)).toBe(1);
  });
});

describe("mixesAlphabets", () => {
  it("spots a name that hides Cyrillic letters among Latin ones", () => {
    expect(mixesAlphabets("Gаzette Editor")).toBe(true); // Cyrillic а
    expect(mixesAlphabets("Ελένη Smith")).toBe(false); // two words, each in one alphabet
    expect(mixesAlphabets("Дмитрий")).toBe(false);
    expect(mixesAlphabets("Ria Ortega")).toBe(false);
  });
});

describe("checkForm", () => {
  it("files a filled honeypot and a hurried form as spam, and holds a form without timing", () => {
    expect(worstSeverity(checkForm({ honeypot: "buy now", elapsedMs: 60_000 }))).toBe("spam");
    expect(worstSeverity(checkForm({ honeypot: null, elapsedMs: spamRules.minSeconds * 1000 - 1 }))).toBe("spam");
    expect(worstSeverity(checkForm({ honeypot: null, elapsedMs: null }))).toBe("hold");
    expect(checkForm({ honeypot: null, elapsedMs: spamRules.minSeconds * 1000 })).toEqual([]);
  });
});

describe("checkText", () => {
  const words = { banned: ["casino"], suspect: ["crypto"] };
  const text = (body: string, name = "Reader", website: string | null = null) => checkText({ body, name, website }, words);

  it("refuses banned words, holds suspect words and too many links, and says which", () => {
    expect(text("Great casino deals")).toEqual([{ severity: "reject", reason: 'Banned word: "casino"' }]);
    expect(text("Is crypto the future?")).toEqual([{ severity: "hold", reason: 'Suspect word: "crypto"' }]);
    expect(worstSeverity(text("https://a.example https://b.example https://c.example"))).toBe("hold");
    expect(text("https://a.example https://b.example")).toEqual([]);
  });

  it("reads the name and the website too", () => {
    expect(worstSeverity(text("Fine words", "Casino King"))).toBe("reject");
    expect(worstSeverity(text("Fine words", "Reader", "https://crypto.example/"))).toBe("hold");
  });

  it("ranks reject above spam above hold", () => {
    expect(worstSeverity([{ severity: "hold", reason: "" }, { severity: "reject", reason: "" }, { severity: "spam", reason: "" }])).toBe("reject");
    expect(worstSeverity([])).toBeNull();
  });
});

describe("foldForMatching", () => {
  it("folds what looks the same to one form", () => {
    expect(foldForMatching("  Ｈéllo\u200B   World ")).toBe("hello world");
  });
});
