import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExamples } from "./csv";
import { evaluate, measure } from "./evaluate";
import { extractFeatures, surfaceForm } from "./features";
import { describeScore, score, train } from "./model";
import { shippedModel } from "./shipped";

const tiny = [
  { text: "Buy cheap pills online now http://pills.example.biz", label: "spam" as const },
  { text: "Guaranteed returns, double your bitcoin today", label: "spam" as const },
  { text: "Subscribe to my channel please", label: "spam" as const },
  { text: "The council should publish the figures", label: "ham" as const },
  { text: "Lovely photos of the harbour, thank you", label: "ham" as const },
  { text: "I disagree with the second point about rents", label: "ham" as const },
];

describe("features", () => {
  it("turns links, money, percentages and shouting into tokens of their own", () => {
    const f = extractFeatures("FREE MONEY!!! Earn $500 a day, 90% off at https://www.cash-now.example.biz/offer");
    for (const token of ["__url__", "__host_cash-now.example.biz__", "__tld_biz__", "__money__", "__percent__", "__bangs__", "__caps_words__"]) {
      expect(f.has(token), token).toBe(true);
    }
    expect(f.has("link:cash")).toBe(true);
    expect(f.has("earn")).toBe(true);
  });

  it("folds case, accents, invisible characters and plurals", () => {
    const f = extractFeatures("Ｔｏｋｅｎｓ and to\u200Bkens and Tókens");
    expect(f.has("token")).toBe(true);
    expect(f.has("tokens")).toBe(false);
  });

  it("keeps pairs of words and letter groups inside words", () => {
    const f = extractFeatures("check out my channel");
    expect(f.has("check out")).toBe(true);
    expect(f.has("my channel")).toBe(true);
    expect(f.has("#<cha")).toBe(true);
  });

  it("gives back the word as written for a stem", () => {
    expect(surfaceForm("return", "Guaranteed RETURNS!")).toBe("returns");
    expect(surfaceForm("sign up", "Sign up now")).toBe("sign up");
  });
});

describe("train and score", () => {
  it("learns from a handful of examples and is deterministic", () => {
    const a = train(tiny);
    expect(a).toEqual(train(tiny));
    expect(a.trainedOn).toEqual({ spam: 3, ham: 3 });
    expect(score(a, "cheap pills, guaranteed").probability).toBeGreaterThan(0.5);
    expect(score(a, "the council figures on rents").probability).toBeLessThan(0.5);
  });

  it("names the words that pushed the score up, as the comment wrote them", () => {
    const model = shippedModel();
    const s = score(model, "Turn 100 into 10,000 in 30 days with BlueCoin ocean tokens!!! Guaranteed returns, limited spots.");
    expect(s.probability).toBeGreaterThan(0.9);
    expect(s.words.length).toBeGreaterThan(0);
    expect(s.words).toContain("guaranteed");
    expect(describeScore(s)).toMatch(/^classifier: \d\.\d\d, words: guaranteed|, guaranteed/);
  });

  it("scores an empty or unknown text by the prior alone", () => {
    const model = train(tiny);
    const empty = score(model, "");
    expect(empty.words).toEqual([]);
    expect(empty.probability).toBeGreaterThan(0);
    expect(empty.probability).toBeLessThan(1);
  });

  it("tells the shipped set's spam from its ham on comments written in another style", () => {
    const heldOut = readExamples(readFileSync(path.join(import.meta.dirname, "data/heldout.csv"), "utf8")).examples;
    const train = readExamples(readFileSync(path.join(import.meta.dirname, "data/comments.csv"), "utf8")).examples;
    const { metrics } = evaluate(train, heldOut);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.93);
  });
});

describe("measure", () => {
  it("computes precision, recall, F1 and accuracy of the spam class", () => {
    const m = measure([true, true, false, false, true], [true, false, true, false, true]);
    expect(m).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.accuracy).toBeCloseTo(3 / 5);
  });

  it("refuses a training set with one class only", () => {
    expect(() => evaluate(tiny.filter((e) => e.label === "spam"), tiny)).toThrow(/both/);
  });
});

describe("markup from other platforms", () => {
  it("reads a link's address out of an anchor and drops tags and entities", () => {
    const f = extractFeatures('Check it out <a href="http://www.cheap-pills.example.biz/buy">here</a><br />it&#39;s great &amp; cheap\uFEFF');
    expect(f.has("__url__")).toBe(true);
    expect(f.has("__host_cheap-pills.example.biz__")).toBe(true);
    expect(f.has("it great")).toBe(true);
    expect(f.has("__num__")).toBe(false);
    expect(f.has("br")).toBe(false);
    expect(f.has("href")).toBe(false);
  });
});
