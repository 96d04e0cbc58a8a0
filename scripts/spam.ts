/**
 * `npm run spam -- evaluate --train A.csv --test B.csv`: trains a fresh classifier on A and
 * prints its precision, recall, F1 and accuracy on B as JSON on the last line.
 * `npm run spam -- score "some comment"`: the shipped model's score and words for a text.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readExamples } from "@/lib/comments/classifier/csv";
import { evaluate } from "@/lib/comments/classifier/evaluate";
import { describeScore, score } from "@/lib/comments/classifier/model";
import { shippedModel } from "@/lib/comments/classifier/shipped";

function load(file: string) {
  const { examples, skipped } = readExamples(readFileSync(file, "utf8"));
  const spam = examples.filter((e) => e.label === "spam").length;
  console.log(`${file}: ${examples.length} comments (${spam} spam, ${examples.length - spam} ham)${skipped ? `, ${skipped} rows skipped` : ""}`);
  return examples;
}

function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === "evaluate") {
    const { values } = parseArgs({ args: rest, options: { train: { type: "string" }, test: { type: "string" }, threshold: { type: "string" } } });
    if (!values.train || !values.test) throw new Error("Usage: npm run spam -- evaluate --train A.csv --test B.csv");
    const threshold = values.threshold ? Number(values.threshold) : 0.5;
    const { metrics } = evaluate(load(values.train), load(values.test), threshold);
    console.log(JSON.stringify(metrics));
    return;
  }
  if (command === "score") {
    console.log(describeScore(score(shippedModel(), rest.join(" "))));
    return;
  }
  throw new Error('Usage: npm run spam -- evaluate --train A.csv --test B.csv | npm run spam -- score "text"');
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
