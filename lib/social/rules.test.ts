import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/format";
import { isStale, judgeCount } from "./rules";

describe("formatCount", () => {
  it("uses the locale's separators, and a compact form on request", () => {
    expect(formatCount(16985)).toBe("16,985");
    expect(formatCount(16985, "de-DE")).toBe("16.985");
    expect(formatCount(1_234_567, "en-US", true)).toBe("1.2M");
    expect(formatCount(61453, "en-US", true)).toBe("61.5K");
    expect(formatCount(0)).toBe("0");
  });
});

describe("judgeCount", () => {
  it("accepts plausible counts, numeric strings included (YouTube sends strings)", () => {
    expect(judgeCount(100, 120)).toEqual({ kind: "accept", count: 120 });
    expect(judgeCount(null, "61453")).toEqual({ kind: "accept", count: 61453 });
    expect(judgeCount(100, 11)).toEqual({ kind: "accept", count: 11 });
  });

  it.each([[-1], [10_000_000_001], [1.5], [NaN], ["12k"], [null], [undefined], [{}]])("rejects %s", (value) => {
    expect(judgeCount(100, value).kind).toBe("reject");
  });

  it("holds a fall of more than 90% for an admin", () => {
    expect(judgeCount(16985, 1000)).toMatchObject({ kind: "hold", count: 1000 });
    expect(judgeCount(16985, 0)).toMatchObject({ kind: "hold", count: 0 });
    expect(judgeCount(0, 0)).toEqual({ kind: "accept", count: 0 });
  });

  it("accepts a fall of exactly 90% and holds one just past it", () => {
    expect(judgeCount(1000, 100)).toEqual({ kind: "accept", count: 100 });
    expect(judgeCount(1000, 99)).toMatchObject({ kind: "hold", count: 99 });
    expect(judgeCount(10, 1)).toEqual({ kind: "accept", count: 1 });
    expect(judgeCount(10, 0)).toMatchObject({ kind: "hold", count: 0 });
  });
});

describe("isStale", () => {
  it("is stale after two intervals", () => {
    const now = new Date("2026-11-29T12:00:00Z");
    expect(isStale(new Date("2026-11-29T00:01:00Z"), 6 * 3600_000, now)).toBe(false);
    expect(isStale(new Date("2026-11-28T23:59:00Z"), 6 * 3600_000, now)).toBe(true);
    expect(isStale(null, 1000, now)).toBe(true);
  });
});
