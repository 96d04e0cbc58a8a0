import { expect, it } from "vitest";
import { formatDateTime } from "./format";

it("shows a time with its zone, in the site's zone", () => {
  expect(formatDateTime("2026-05-05T09:30:00Z", "en-US", "UTC")).toBe("May 5, 2026 at 9:30 AM UTC");
  expect(formatDateTime("2026-05-05T09:30:00Z", "en-US", "America/New_York")).toBe("May 5, 2026 at 5:30 AM EDT");
});
