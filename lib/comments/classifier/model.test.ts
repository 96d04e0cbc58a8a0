import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readExamples } from "./csv";
import { evaluate, measure } from "./evaluate";
import { extractFeatures, surfaceForm } from "./features";
import { describeScore, score, train, trainInSlices, trainingDefaults, type Model } from "./model";
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

describe("training", () => {
  // Four ham to three spam: a set where the classes differ in size.
  const seven = [...tiny, { text: "Thanks for the clear report on the budget", label: "ham" as const }];
  const logLoss = (model: Model) =>
    seven.reduce((sum, e) => sum - Math.log(e.label === "spam" ? score(model, e.text).probability : 1 - score(model, e.text).probability), 0) / seven.length;

  it("fits what it was taught: each example lands far on its own side", () => {
    const model = train(seven);
    expect(model.trainedOn).toEqual({ spam: 3, ham: 4 });
    for (const e of seven) {
      const p = score(model, e.text).probability;
      if (e.label === "spam") expect(p, e.text).toBeGreaterThan(0.98);
      else expect(p, e.text).toBeLessThan(0.02);
    }
  });

  it("fits more closely with every pass, and learns nothing in none", () => {
    const losses = [1, 5, 25, 100].map((epochs) => logLoss(train(seven, { epochs })));
    for (let i = 1; i < losses.length; i += 1) expect(losses[i]).toBeLessThan(losses[i - 1]!);
    expect(train(seven, { epochs: 0 })).toMatchObject({ bias: 0, weights: {} });
  });

  it("stores only weights that matter, to five decimals", () => {
    const model = train(seven);
    const values = [model.bias, ...Object.values(model.weights)];
    expect(Object.keys(model.weights).length).toBeGreaterThan(100);
    for (const value of values) {
      expect(Math.abs(value)).toBeLessThan(10);
      expect(Math.round(value * 1e5)).toBeCloseTo(value * 1e5, 6);
    }
    for (const value of Object.values(model.weights)) expect(Math.abs(value)).toBeGreaterThanOrEqual(trainingDefaults.prune);
    // Pruning harder keeps fewer.
    expect(Object.keys(train(seven, { prune: 0.05 }).weights).length).toBeLessThan(Object.keys(model.weights).length);
  });

  it("trains the same model in slices, letting other work run a few times along the way", async () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ text: `${seven[i % 7]!.text} ${i}`, label: seven[i % 7]!.label }));
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns += 1;
      setImmediate(count);
    };
    setImmediate(count);
    const sliced = await trainInSlices(many, { epochs: 2 });
    counting = false;
    expect(sliced).toEqual(train(many, { epochs: 2 }));
    // 450 examples read, then seen twice: a pause every 200, not after each one.
    expect(turns).toBeGreaterThanOrEqual(4);
    expect(turns).toBeLessThan(20);
  });

  it("reproduces the model a site trained before, to the last stored decimal", () => {
    // A site's model is retrained on its moderators' decisions; the same decisions must give
    // the same model on every release, or its thresholds would drift without anyone deciding.
    const model = train(seven);
    expect({ bias: model.bias, size: Object.keys(model.weights).length, pill: model.weights["pill"], council: model.weights["council"] }).toMatchInlineSnapshot(`
      {
        "bias": 0.07073,
        "council": -0.72441,
        "pill": 0.73501,
        "size": 562,
      }
    `);
  });
});

describe("scoring", () => {
  const model = (weights: Record<string, number>, bias = 0): Model => ({ version: 1, bias, letterGroupWeight: 0.2, weights, trainedOn: { spam: 1, ham: 1 } });

  it("stays a probability however far a comment is from the line", () => {
    expect(score(model({}, 1000), "").probability).toBe(1);
    expect(score(model({}, -1000), "").probability).toBe(0);
    expect(score(model({}, 0), "").probability).toBe(0.5);
  });

  it("weighs a letter group at its fraction, on a comment scaled to unit length", () => {
    // "casino": one word at 1 and fifteen letter groups at 0.2, a vector of length √1.6.
    const z = 0.5 + (2 * 1 + 5 * 0.2) / Math.sqrt(1.6);
    expect(score(model({ casino: 2, "#cas": 5 }, 0.5), "casino").probability).toBeCloseTo(1 / (1 + Math.exp(-z)), 10);
  });

  it("names the strongest readable words once each, as written, skipping pairs already said", () => {
    const weights = {
      casino: 3,
      "link:casino": 2.9,
      bonus: 2,
      "casino bonus": 1.8,
      "link:megawin": 1.7,
      "money casino": 1.6,
      "free money": 1.5,
      "#cas": 4,
      __url__: 5,
      free: -1,
      spin: 0,
    };
    const text = "FREE money!! Casino bonus at www.casino.com and megawin.com, free spins";
    expect(score(model(weights), text, 10).words).toEqual(["casino", "bonus", "megawin", "money casino", "free money"]);
    expect(score(model(weights), text).words).toEqual(["casino", "bonus", "megawin"]);
    expect(score(model(weights), text, 1).words).toEqual(["casino"]);
  });

  it("describes a score for the moderators, with or without words", () => {
    expect(describeScore({ probability: 0.973, words: ["casino", "bonus"] })).toBe("classifier: 0.97, words: casino, bonus");
    expect(describeScore({ probability: 0.5, words: [] })).toBe("classifier: 0.50");
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

  it("counts precision and recall when the hits equal the misses", () => {
    // one hit, one false alarm, one miss
    expect(measure([true, true, false], [true, false, true])).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(measure([], [])).toMatchObject({ precision: 0, recall: 0, f1: 0, accuracy: 0 });
  });

  it("refuses a training set with one class only", () => {
    expect(() => evaluate(tiny.filter((e) => e.label === "spam"), tiny)).toThrow(/both/);
    expect(() => evaluate(tiny.filter((e) => e.label === "ham"), tiny)).toThrow(/both/);
  });

  it("calls a comment scored at the threshold itself spam, and reports rounded fractions", () => {
    const model = train(tiny);
    const text = "cheap pills, guaranteed";
    const { metrics } = evaluate(tiny, [{ text, label: "spam" }], score(model, text).probability);
    expect(metrics).toEqual({ precision: 1, recall: 1, f1: 1, accuracy: 1 });
    const { metrics: mixed } = evaluate(tiny, [...tiny, { text: "the council and the rents", label: "spam" }]);
    for (const value of Object.values(mixed)) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(Math.round(value * 10000)).toBeCloseTo(value * 10000, 6);
    }
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
