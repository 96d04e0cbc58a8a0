import { describe, expect, it } from "vitest";
import { isTimeZone, utcToZonedInput, zonedToUtc } from "./time";

describe("zonedToUtc", () => {
  it("reads a wall-clock time in the site's zone", () => {
    expect(zonedToUtc("2026-07-01T09:30", "UTC")?.toISOString()).toBe("2026-07-01T09:30:00.000Z");
    expect(zonedToUtc("2026-07-01T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(zonedToUtc("2026-01-15T09:30", "Europe/Berlin")?.toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedToUtc("2026-01-15T09:30", "America/New_York")?.toISOString()).toBe("2026-01-15T14:30:00.000Z");
  });

  it("round-trips with utcToZonedInput", () => {
    const at = new Date("2026-03-29T01:15:00Z");
    expect(zonedToUtc(utcToZonedInput(at, "Europe/London"), "Europe/London")?.toISOString()).toBe(at.toISOString());
  });

  it("refuses what is not a time", () => {
    expect(zonedToUtc("tomorrow", "UTC")).toBeNull();
    expect(zonedToUtc("2026-13-45T99:99", "UTC")).toBeNull();
    expect(zonedToUtc("2026-07-01T09:30:15", "UTC")?.toISOString()).toBe("2026-07-01T09:30:15.000Z");
  });

  it("knows time zones", () => {
    expect(isTimeZone("Europe/Paris")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
