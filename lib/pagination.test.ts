import { describe, expect, it } from "vitest";
import { pageCount, pageHref, parsePage } from "./pagination";

describe("parsePage", () => {
  it("accepts plain positive integers", () => {
    expect(parsePage("1")).toBe(1);
    expect(parsePage("37")).toBe(37);
    expect(parsePage(["2", "9"])).toBe(2);
  });
  it.each(["", "0", "-1", "03", "1.5", "1e3", "abc", " 2", "2 ", "９", "99999", "100000000000000000000", "%FF"])("refuses %j", (raw) => {
    expect(parsePage(raw)).toBeNull();
  });
  it("refuses a missing value", () => expect(parsePage(undefined)).toBeNull());
});

it("counts pages, with at least one", () => {
  expect(pageCount(0, 20)).toBe(1);
  expect(pageCount(20, 20)).toBe(1);
  expect(pageCount(21, 20)).toBe(2);
});

it("links page 1 to the listing itself and others by ?page=", () => {
  expect(pageHref("/world", 1)).toBe("/world");
  expect(pageHref("/world", 3)).toBe("/world?page=3");
  expect(pageHref("/search", 2, { q: "rain & wind" })).toBe("/search?q=rain+%26+wind&page=2");
});
