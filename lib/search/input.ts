// What a reader typed into the search box, made safe to hand to PostgreSQL. The query syntax
// itself (quotes, -word, or) is left to websearch_to_tsquery, which never fails on any input.

export const maxQueryLength = 200;

export type ParsedQuery =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | { kind: "query"; text: string };

/**
 * Normalizes a raw query: NFC, no control characters (PostgreSQL refuses NUL in text), no
 * lone surrogates, whitespace collapsed. Longer than {@link maxQueryLength} characters it is
 * refused rather than silently cut, so the reader knows what was searched.
 */
export function parseQuery(raw: string | string[] | undefined): ParsedQuery {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (!first) return { kind: "empty" };
  const text = first
    .replace(/\p{Cs}/gu, " ")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return { kind: "empty" };
  const length = [...text].length;
  if (length > maxQueryLength) return { kind: "too-long", length };
  return { kind: "query", text };
}

/** Marks that ts_headline puts around each match; control characters never occur in stored text (they are stripped before). */
export const startMark = "\u0002";
export const stopMark = "\u0003";

export type Segment = { text: string; mark: boolean };

/**
 * Splits a ts_headline result into plain and highlighted runs. The result is rendered as text
 * nodes and <mark> elements, so nothing in the article text can become markup.
 */
export function splitHighlight(headline: string): Segment[] {
  const segments: Segment[] = [];
  let mark = false;
  let text = "";
  const flush = () => {
    if (text) segments.push({ text, mark });
    text = "";
  };
  for (const ch of headline) {
    if (ch === startMark || ch === stopMark) {
      flush();
      mark = ch === startMark;
    } else {
      text += ch;
    }
  }
  flush();
  return segments;
}
