import { describe, expect, it } from "vitest";
import { digestInstant, dueDigestDay, localDay } from "./schedule";

describe("digest schedule", () => {
  it("reads the send time in the site's zone, following daylight saving", () => {
    // London: GMT in winter, BST (UTC+1) from 29 March 2026.
    expect(digestInstant("2026-03-28", "07:00", "Europe/London").toISOString()).toBe("2026-03-28T07:00:00.000Z");
    expect(digestInstant("2026-03-29", "07:00", "Europe/London").toISOString()).toBe("2026-03-29T06:00:00.000Z");
    // New York falls back on 1 November 2026: EDT (UTC-4) then EST (UTC-5).
    expect(digestInstant("2026-10-31", "07:00", "America/New_York").toISOString()).toBe("2026-10-31T11:00:00.000Z");
    expect(digestInstant("2026-11-01", "07:00", "America/New_York").toISOString()).toBe("2026-11-01T12:00:00.000Z");
    // Zones east of UTC: 06:00 in Tokyo is the previous UTC day.
    expect(digestInstant("2026-12-02", "06:00", "Asia/Tokyo").toISOString()).toBe("2026-12-01T21:00:00.000Z");
  });

  it("a send time inside the spring-forward gap still happens that day, just after the gap", () => {
    // 02:30 does not exist in New York on 8 March 2026 (02:00 jumps to 03:00 EDT).
    const at = digestInstant("2026-03-08", "02:30", "America/New_York");
    expect(localDay(at, "America/New_York")).toBe("2026-03-08");
    expect(at.toISOString()).toBe("2026-03-08T07:30:00.000Z");
  });

  it("is due once per local day, after the send time", () => {
    const zone = "Europe/London";
    expect(dueDigestDay(new Date("2026-03-29T05:59:00Z"), zone, "07:00", "2026-03-28")).toBeNull();
    expect(dueDigestDay(new Date("2026-03-29T06:00:00Z"), zone, "07:00", "2026-03-28")).toBe("2026-03-29");
    expect(dueDigestDay(new Date("2026-03-29T06:00:00Z"), zone, "07:00", null)).toBe("2026-03-29");
    expect(dueDigestDay(new Date("2026-03-29T22:00:00Z"), zone, "07:00", "2026-03-29")).toBeNull();
    // 21:30 UTC on the 29th is already 06:30 on the 30th in Tokyo: a new day, its time not yet come.
    expect(dueDigestDay(new Date("2026-03-29T21:30:00Z"), "Asia/Tokyo", "07:00", "2026-03-29")).toBeNull();
    expect(dueDigestDay(new Date("2026-03-29T22:30:00Z"), "Asia/Tokyo", "07:00", "2026-03-29")).toBe("2026-03-30");
  });

  it("the fall-back day's repeated hour does not send twice", () => {
    const zone = "America/New_York";
    // 01:30 happens twice on 1 November 2026; once sent for that day, the second 01:30 is not due.
    const first = digestInstant("2026-11-01", "01:30", zone);
    expect(dueDigestDay(first, zone, "01:30", "2026-10-31")).toBe("2026-11-01");
    const second = new Date(first.getTime() + 3600_000);
    expect(localDay(second, zone)).toBe("2026-11-01");
    expect(dueDigestDay(second, zone, "01:30", "2026-11-01")).toBeNull();
  });
});
