import { score, train, type Example, type Model } from "./model";

export type Metrics = { precision: number; recall: number; f1: number; accuracy: number };

/** Precision, recall and F1 of the spam class, and accuracy, at one threshold. */
export function measure(predicted: boolean[], actual: boolean[]): Metrics & { tp: number; fp: number; fn: number; tn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  predicted.forEach((p, i) => {
    const a = actual[i];
    if (p && a) tp += 1;
    else if (p) fp += 1;
    else if (a) fn += 1;
    else tn += 1;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const total = predicted.length;
  return { precision, recall, f1, accuracy: total ? (tp + tn) / total : 0, tp, fp, fn, tn };
}

const round = (n: number) => Math.round(n * 10000) / 10000;

/** Trains a fresh model on one set and measures it on another, calling spam at `threshold`. */
export function evaluate(trainSet: Example[], testSet: Example[], threshold = 0.5): { model: Model; metrics: Metrics } {
  if (!trainSet.some((e) => e.label === "spam") || !trainSet.some((e) => e.label === "ham")) {
    throw new Error("The training set needs both spam and ham examples");
  }
  const model = train(trainSet);
  const m = measure(
    testSet.map((e) => score(model, e.text).probability >= threshold),
    testSet.map((e) => e.label === "spam"),
  );
  return { model, metrics: { precision: round(m.precision), recall: round(m.recall), f1: round(m.f1), accuracy: round(m.accuracy) } };
}
