import { describe, expect, it } from "vitest";
import { maxQueryLength, parseQuery, splitHighlight } from "./input";

describe("parseQuery", () => {
  it("treats nothing and whitespace as an empty search", () => {
    for (const raw of [undefined, "", "   ", "\u0000\t\n", []]) expect(parseQuery(raw)).toEqual({ kind: "empty" });
  });
  it("keeps the query syntax and collapses whitespace", () => {
    expect(parseQuery('  "climate   change" -coal or\twind ')).toEqual({ kind: "query", text: '"climate change" -coal or wind' });
  });
  it("removes control, format and unpaired surrogate characters", () => {
    expect(parseQuery("a\u0000b\u202ec\ud800d")).toEqual({ kind: "query", text: "a b c d" });
  });
  it("normalizes to NFC", () => {
    expect(parseQuery("cafe\u0301")).toEqual({ kind: "query", text: "café" });
  });
  it("refuses queries longer than the limit, counting characters", () => {
    expect(parseQuery("x".repeat(10_000))).toEqual({ kind: "too-long", length: 10_000 });
    expect(parseQuery("é".repeat(maxQueryLength)).kind).toBe("query");
    expect(parseQuery("😀".repeat(maxQueryLength)).kind).toBe("query");
  });
  it("takes the first of repeated parameters", () => {
    expect(parseQuery(["one", "two"])).toEqual({ kind: "query", text: "one" });
  });
});

describe("splitHighlight", () => {
  it("splits marked and plain runs", () => {
    expect(splitHighlight("The \u0002floods\u0003 rose, \u0002flooding\u0003 roads")).toEqual([
      { text: "The ", mark: false },
      { text: "floods", mark: true },
      { text: " rose, ", mark: false },
      { text: "flooding", mark: true },
      { text: " roads", mark: false },
    ]);
  });
  it("keeps markup as text and tolerates unbalanced marks", () => {
    expect(splitHighlight("<script>\u0002x\u0003\u0003</script>\u0002")).toEqual([
      { text: "<script>", mark: false },
      { text: "x", mark: true },
      { text: "</script>", mark: false },
    ]);
  });
});
