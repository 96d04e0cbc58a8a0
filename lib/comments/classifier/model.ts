import { extractFeatures, isReadable, surfaceForm } from "./features";

/**
 * The spam classifier: logistic regression over the features of lib/comments/classifier/
 * features.ts, each counted once per comment and the comment's vector scaled to unit length.
 *
 * Why not naive Bayes, which most comment filters use: its words vote as if independent, so a
 * comment with twenty ordinary words outvotes the one link and the one "subscribe" that make
 * it spam, and the letter groups (which overlap by design) would count each word many times
 * over. Logistic regression weighs correlated features jointly, its score is a probability a
 * threshold can be set on, and each feature's weight says which words made the score, which
 * is what moderators read. Trained by AdaGrad over a few passes with an L2 penalty, on a few
 * thousand comments it takes well under a second, so instances retrain without a worker.
 * No library fits: wink-naive-bayes-text-classifier is the naive Bayes above (and scored
 * lower on held-out data of another site, see `npm run spam -- evaluate`), and the machine
 * learning packages pull in native code or a runtime far larger than this file.
 */

export type Label = "spam" | "ham";
export type Example = { text: string; label: Label };

export type Model = {
  version: 1;
  bias: number;
  letterGroupWeight: number;
  /** feature → weight; features absent here weigh nothing */
  weights: Record<string, number>;
  trainedOn: { spam: number; ham: number };
};

export type Score = {
  /** the probability that the comment is spam, 0 to 1 */
  probability: number;
  /** the readable words and pairs that pushed the score up most, strongest first */
  words: string[];
};

export const trainingDefaults = {
  epochs: 25,
  learningRate: 0.5,
  /** L2 penalty per example seen; keeps rare words from deciding alone */
  l2: 1e-4,
  /** weights smaller than this are dropped from the stored model */
  prune: 1e-3,
  /**
   * How much a letter group counts beside a word. At full weight the groups, twenty or so
   * per word, learn a site's topics rather than spam's shape, and a model trained on one
   * site calls another's ordinary talk spam; at a fraction they still catch "v1agra".
   */
  letterGroupWeight: 0.2,
};

function valueOf(feature: string, letterGroupWeight: number) {
  return feature.startsWith("#") ? letterGroupWeight : 1;
}

/** The length of a comment's vector, so that long comments score on the same scale as short ones. */
function vectorNorm(features: string[], letterGroupWeight: number) {
  let sum = 0;
  for (const f of features) sum += valueOf(f, letterGroupWeight) ** 2;
  return Math.sqrt(sum) || 1;
}

/** A small deterministic generator, so that training twice on the same data gives the same model. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sigmoid(z: number) {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * The training itself, as a generator that pauses between slices of examples, so that a web
 * server can train without holding up its requests for the seconds a few thousand comments
 * take ({@link trainInSlices}); {@link train} runs it straight through.
 */
function* fit(examples: Example[], options: Partial<typeof trainingDefaults>): Generator<void, Model> {
  const o = { ...trainingDefaults, ...options };
  const index = new Map<string, number>();
  const docs: { ids: number[]; xs: number[]; y: 0 | 1 }[] = [];
  for (const e of examples) {
    const ids: number[] = [];
    const xs: number[] = [];
    const features = [...extractFeatures(e.text)];
    const norm = vectorNorm(features, o.letterGroupWeight);
    for (const f of features) {
      let id = index.get(f);
      if (id === undefined) {
        id = index.size;
        index.set(f, id);
      }
      ids.push(id);
      xs.push(valueOf(f, o.letterGroupWeight) / norm);
    }
    docs.push({ ids, xs, y: e.label === "spam" ? 1 : 0 });
    if (docs.length % sliceSize === 0) yield;
  }
  const spam = docs.filter((d) => d.y === 1).length;
  const ham = docs.length - spam;
  // Each class weighs half of the training in total, so a set with more ham than spam does
  // not teach the model that spam is rare: how rare it is differs from site to site.
  const classWeight = [ham ? docs.length / (2 * ham) : 0, spam ? docs.length / (2 * spam) : 0];

  const w = new Float64Array(index.size);
  const g2 = new Float64Array(index.size).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = docs.map((_, i) => i);
  const next = random(42);
  for (let epoch = 0; epoch < o.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (let n = 0; n < order.length; n += 1) {
      const d = docs[order[n]!]!;
      let z = bias;
      for (let k = 0; k < d.ids.length; k += 1) z += w[d.ids[k]!]! * d.xs[k]!;
      const error = (sigmoid(z) - d.y) * classWeight[d.y]!;
      for (let k = 0; k < d.ids.length; k += 1) {
        const id = d.ids[k]!;
        const grad = error * d.xs[k]! + o.l2 * w[id]!;
        g2[id]! += grad * grad;
        w[id]! -= (o.learningRate * grad) / Math.sqrt(g2[id]!);
      }
      biasG2 += error * error;
      bias -= (o.learningRate * error) / Math.sqrt(biasG2);
      if (n % sliceSize === sliceSize - 1) yield;
    }
  }

  const weights: Record<string, number> = {};
  for (const [feature, id] of index) {
    const value = w[id]!;
    if (Math.abs(value) >= o.prune) weights[feature] = Math.round(value * 1e5) / 1e5;
  }
  return { version: 1, bias: Math.round(bias * 1e5) / 1e5, letterGroupWeight: o.letterGroupWeight, weights, trainedOn: { spam, ham } };
}

/** Examples between two pauses of {@link trainInSlices}: a few milliseconds of work. */
const sliceSize = 200;

export function train(examples: Example[], options: Partial<typeof trainingDefaults> = {}): Model {
  const run = fit(examples, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/** The same training as {@link train}, letting the event loop run between slices. */
export async function trainInSlices(examples: Example[], options: Partial<typeof trainingDefaults> = {}): Promise<Model> {
  const run = fit(examples, options);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    await new Promise((resume) => setImmediate(resume));
  }
}

export function score(model: Model, text: string, topWords = 3): Score {
  const features = [...extractFeatures(text)];
  const norm = vectorNorm(features, model.letterGroupWeight);
  let z = model.bias;
  const pushing: [string, number][] = [];
  for (const f of features) {
    const weight = model.weights[f];
    if (weight === undefined) continue;
    z += (weight * valueOf(f, model.letterGroupWeight)) / norm;
    if (weight > 0 && isReadable(f)) pushing.push([f, weight]);
  }
  pushing.sort((a, b) => b[1] - a[1]);
  const words: string[] = [];
  for (const [f] of pushing) {
    // A pair whose words are already listed adds nothing for the reader.
    if (f.includes(" ") && f.split(" ").every((w) => words.includes(w))) continue;
    const word = surfaceForm(f.replace(/^link:/, ""), text);
    if (words.includes(word)) continue;
    words.push(word);
    if (words.length === topWords) break;
  }
  return { probability: sigmoid(z), words };
}

/** The reason moderators read beside a comment, e.g. "classifier: 0.97, words: guaranteed, returns, tokens". */
export function describeScore(s: Score): string {
  const words = s.words.length ? `, words: ${s.words.join(", ")}` : "";
  return `classifier: ${s.probability.toFixed(2)}${words}`;
}
