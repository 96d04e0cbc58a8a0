import type { Example, Label } from "./model";

/**
 * RFC 4180 records: fields separated by commas, quoted with `"` where they hold commas,
 * quotes (doubled) or line breaks; records end in CRLF or LF. A byte-order mark at the start
 * is dropped; records with no content at all are skipped.
 */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0]!.trim() !== "") records.push(record);
    record = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field.trim() === "") {
      // Spaces before an opening quote are not part of the value.
      field = "";
      quoted = true;
    } else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r") {
      endRecord();
      if (text[i + 1] === "\n") i += 1;
    } else if (ch === "\n") {
      endRecord();
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}

const spamLabels = new Set(["spam", "1", "true", "yes", "bad"]);
const hamLabels = new Set(["ham", "0", "false", "no", "good", "not spam", "not_spam"]);

export function readLabel(value: string): Label | null {
  const v = value.trim().toLowerCase();
  if (spamLabels.has(v)) return "spam";
  if (hamLabels.has(v)) return "ham";
  return null;
}

const textColumns = ["text", "content", "comment", "body", "message"];
const labelColumns = ["label", "class", "spam", "category"];

/**
 * Labelled comments from a CSV file with a header row naming a `text` and a `label` column
 * in any order, among any others (`CONTENT` and `CLASS` too, as some public sets name them).
 * Rows whose label is neither spam nor ham (1 or 0) are counted as skipped.
 */
export function readExamples(input: string): { examples: Example[]; skipped: number } {
  const [header, ...rows] = parseCsv(input);
  if (!header) throw new Error("The file is empty: expected a header row with text and label columns");
  const names = header.map((h) => h.trim().toLowerCase());
  const textAt = textColumns.map((c) => names.indexOf(c)).find((i) => i >= 0);
  const labelAt = labelColumns.map((c) => names.indexOf(c)).find((i) => i >= 0);
  if (textAt === undefined || labelAt === undefined) {
    throw new Error(`Expected columns "text" and "label" in the header row, found: ${header.join(", ")}`);
  }
  const examples: Example[] = [];
  let skipped = 0;
  for (const row of rows) {
    const label = readLabel(row[labelAt] ?? "");
    const text = row[textAt] ?? "";
    if (!label || text.trim() === "") {
      skipped += 1;
      continue;
    }
    examples.push({ text, label });
  }
  return { examples, skipped };
}
