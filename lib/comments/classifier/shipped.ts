import { readFileSync } from "node:fs";
import path from "node:path";
import { readExamples } from "./csv";
import { train, type Example, type Model } from "./model";

/**
 * The labelled comments Gazette ships (written for it: news, video, blog and forum comments,
 * and the spam each kind of site gets), from which every site's first model is trained.
 */
export const shippedTrainingFile = path.join(process.cwd(), "lib/comments/classifier/data/comments.csv");

let examples: Example[] | undefined;
let model: Model | undefined;

export function shippedExamples(): Example[] {
  examples ??= readExamples(readFileSync(shippedTrainingFile, "utf8")).examples;
  return examples;
}

/** The model trained on the shipped set alone, trained once per process. */
export function shippedModel(): Model {
  model ??= train(shippedExamples());
  return model;
}
