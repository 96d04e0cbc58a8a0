import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(os.tmpdir(), "gazette-spam-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spam(...args: string[]) {
  return execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "scripts/spam.ts", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

describe("npm run spam -- evaluate", () => {
  it("trains on one file and prints the test file's figures as JSON on the last line", () => {
    // Columns in another order with an extra one, a BOM, CRLF, quotes, a line break inside a field, empty rows, 1/0 labels.
    const train = path.join(dir, "train.csv");
    writeFileSync(
      train,
      "\uFEFFid,label,text\r\n" +
        '1,spam,"Buy cheap pills now, http://pills.example.biz"\r\n' +
        '2,spam,"Subscribe to my channel ""please"""\r\n' +
        "3,1,Guaranteed returns double your bitcoin\r\n\r\n" +
        '4,ham,"The council should publish\nthe figures"\r\n' +
        "5,0,Lovely photos of the harbour\r\n" +
        "6,ham,I disagree with the point about rents\r\n",
    );
    const test = path.join(dir, "test.csv");
    writeFileSync(test, "text,label\ncheap pills http://pills.example.biz,spam\nthe council figures on rents,ham\n\n");
    const lines = spam("evaluate", "--train", train, "--test", test).trim().split("\n");
    const metrics = JSON.parse(lines.at(-1)!) as Record<string, number>;
    expect(Object.keys(metrics)).toEqual(["precision", "recall", "f1", "accuracy"]);
    expect(metrics).toEqual({ precision: 1, recall: 1, f1: 1, accuracy: 1 });
  });

  it("says what is wrong with a file without the columns it needs", () => {
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "comment_id,verdict\n1,spam\n");
    expect(() => spam("evaluate", "--train", bad, "--test", bad)).toThrow(/Expected columns "text" and "label"/);
  });
});
