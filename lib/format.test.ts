import { expect, it } from "vitest";
import { formatClock, formatDate, formatDateTime, formatStaffTime } from "./format";

it("shows a time with its zone, in the site's zone", () => {
  expect(formatDateTime("2026-05-05T09:30:00Z", "en-US", "UTC")).toBe("May 5, 2026 at 9:30 AM UTC");
  expect(formatDateTime("2026-05-05T09:30:00Z", "en-US", "America/New_York")).toBe("May 5, 2026 at 5:30 AM EDT");
});

it("shows a reader's date in the site's zone, which may already be the next day", () => {
  expect(formatDate("2026-05-05T23:30:00Z", "en-US", "UTC")).toBe("May 5, 2026");
  expect(formatDate("2026-05-05T23:30:00Z", "en-US", "Asia/Tokyo")).toBe("May 6, 2026");
});

it("shows a staff time in the site's zone on a 24-hour clock, naming the zone", () => {
  expect(formatStaffTime("2026-12-02T13:05:07Z", "Europe/Paris")).toBe("2 Dec 2026, 14:05 CET");
  expect(formatStaffTime(new Date("2026-12-02T13:05:07Z"), "UTC")).toBe("2 Dec 2026, 13:05 UTC");
  // summer time is named as such, and a zone without a short name by its offset
  expect(formatStaffTime("2026-07-01T13:05:00Z", "Europe/Paris")).toBe("1 Jul 2026, 15:05 CEST");
  expect(formatStaffTime("2026-12-02T13:05:00Z", "Asia/Tokyo")).toBe("2 Dec 2026, 22:05 GMT+9");
  // the local day, not UTC's
  expect(formatStaffTime("2026-12-31T23:30:00Z", "Europe/Paris")).toBe("1 Jan 2027, 00:30 CET");
});

it("shows a staff time's seconds when asked", () => {
  expect(formatStaffTime("2026-12-02T13:05:07Z", "Europe/Paris", { seconds: true })).toBe("2 Dec 2026, 14:05:07 CET");
  expect(formatStaffTime("2026-12-02T13:05:07Z", "Europe/Paris")).toBe("2 Dec 2026, 14:05 CET");
});

it("shows an autosave's time of day in the site's zone", () => {
  expect(formatClock("2026-12-02T13:05:07Z", "Europe/Paris")).toBe("14:05");
  expect(formatClock("2026-12-02T09:05:07Z", "UTC")).toBe("09:05");
});
