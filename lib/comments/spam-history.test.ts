import { describe, expect, it } from "vitest";
import { checkForm, checkHistory, checkText, commentFingerprint, countLinks, findListedWords, foldForMatching, mixesAlphabets, spamRules, worstSeverity, type SpamContext } from "./spam";

const context = (over: Partial<SpamContext> = {}): SpamContext => ({ wordLists: { banned: [], suspect: [] }, bans: [], duplicateOf: null, ...over });

describe("checkHistory", () => {
  it("files a ban on the email or the address as spam, each with its own reason", () => {
    expect(checkHistory(context({ bans: ["email"] }))).toEqual([{ severity: "spam", reason: "Banned email address" }]);
    expect(checkHistory(context({ bans: ["ip"] }))).toEqual([{ severity: "spam", reason: "Banned IP address" }]);
    expect(checkHistory(context({ bans: ["email", "ip"] })).map((f) => f.reason)).toEqual(["Banned email address", "Banned IP address"]);
    expect(checkHistory(context())).toEqual([]);
  });

  it("names the comment with the same text", () => {
    expect(checkHistory(context({ duplicateOf: 40 }))).toEqual([
      { severity: "spam", reason: "Same text as comment #40 on this article within the hour" },
    ]);
  });

  it("gives one fingerprint to a text however it was cased or spaced, and another to a changed one", () => {
    const same = commentFingerprint(" same words HERE ");
    expect(commentFingerprint("SAME  words\u200B here")).toBe(same);
    expect(commentFingerprint("same words here")).toBe(same);
    expect(commentFingerprint("Same words, changed")).not.toBe(same);
  });
});

describe("checkForm reasons", () => {
  it("says how fast a hurried form was sent, and what the minimum is", () => {
    expect(checkForm({ honeypot: null, elapsedMs: 1250 })).toEqual([
      { severity: "spam", reason: `Sent 1.3 s after the form appeared (minimum ${spamRules.minSeconds} s)` },
    ]);
    expect(checkForm({ honeypot: "x", elapsedMs: null })).toEqual([
      { severity: "spam", reason: "The hidden field that people never see was filled in" },
      { severity: "hold", reason: "No form timing (sent without JavaScript, or by a script)" },
    ]);
    // An empty honeypot is a person who left it alone.
    expect(checkForm({ honeypot: "", elapsedMs: 60_000 })).toEqual([]);
  });
});

describe("checkText reasons", () => {
  const words = { banned: ["casino"], suspect: ["crypto"] };
  it("counts links in the body only, and names a look-alike name", () => {
    const links = "https://a.example www.b.example ftp://c.example";
    expect(checkText({ body: links, name: "Reader", website: null }, words)).toEqual([{ severity: "hold", reason: `3 links (at most ${spamRules.maxLinks})` }]);
    expect(checkText({ body: "No links", name: "Reader", website: "https://a.example https://b.example https://c.example" }, words)).toEqual([]);
    expect(checkText({ body: "Hello", name: "Еditor", website: null }, words)).toEqual([
      { severity: "hold", reason: "The name mixes Latin with Cyrillic or Greek letters" },
    ]);
  });

  it("reads nothing more than the comment when there is no website", () => {
    expect(checkText({ body: "Fine words", name: "Reader", website: null }, { banned: ["was"], suspect: ["here"] })).toEqual([]);
  });

  it("reports every listed word found, banned before suspect", () => {
    const found = checkText({ body: "crypto casino", name: "Reader", website: null }, { banned: ["casino", "poker"], suspect: ["crypto"] });
    expect(found).toEqual([
      { severity: "reject", reason: 'Banned word: "casino"' },
      { severity: "hold", reason: 'Suspect word: "crypto"' },
    ]);
  });
});

describe("worstSeverity", () => {
  it("picks spam over hold, and a lone finding's own severity", () => {
    expect(worstSeverity([{ severity: "hold", reason: "" }, { severity: "spam", reason: "" }])).toBe("spam");
    expect(worstSeverity([{ severity: "hold", reason: "" }])).toBe("hold");
  });
});

describe("findListedWords edge cases", () => {
  it("treats the listed word literally even where punctuation stands alone", () => {
    expect(findListedWords("well ... fine", [".*"])).toEqual([]);
    expect(findListedWords("a + b", ["a+b"])).toEqual([]);
  });

  it("never matches a listed entry that folds to nothing", () => {
    expect(findListedWords("hello , world", ["\u200B", " "])).toEqual([]);
  });
});

describe("the text helpers", () => {
  it("count a link by its scheme or www. only, one per address", () => {
    expect(countLinks("mailto:someone and example.com")).toBe(0);
    expect(countLinks("HTTPS://A.EXAMPLE/path")).toBe(1);
    expect(countLinks("<https://a.example>")).toBe(1);
    expect(countLinks("git+ssh://a.example/x www.b.example")).toBe(2);
    expect(countLinks("https://mirror.www.example.org/page")).toBe(1);
  });

  it("split a name at spaces, dots, hyphens, underscores and @ before judging its alphabets", () => {
    for (const name of ["Анна-Maria", "Анна.Maria", "Анна_Maria", "Анна@Maria", "Анна Maria"]) expect(mixesAlphabets(name), name).toBe(false);
    expect(mixesAlphabets("Mαria")).toBe(true); // Greek α
  });

  it("fold every invisible character away and keep the words apart", () => {
    expect(foldForMatching("a\u00ADb\u180Ec\u200Fd\u202Ae\u2060f\u2066g\uFEFFh")).toBe("abcdefgh");
    expect(foldForMatching("one\ttwo\n\nthree")).toBe("one two three");
    expect(foldForMatching("ﬁne")).toBe("fine");
  });
});
