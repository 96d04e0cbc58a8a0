import { expect, it } from "vitest";
import { settingsInput } from "./input";

const base = { siteName: "Gazette", timeZone: "UTC", defaultCommentMode: "moderated" };

it("takes a logo at a path on the site, and none for the bundled one", () => {
  expect(settingsInput.parse({ ...base, logoUrl: " /media/12/480.webp " }).logoUrl).toBe("/media/12/480.webp");
  expect(settingsInput.parse({ ...base, logoUrl: "" }).logoUrl).toBeNull();
  expect(settingsInput.parse(base).logoUrl).toBeNull();
});

it("refuses a logo from elsewhere, which the pages' policy would block", () => {
  for (const logoUrl of ["https://cdn.example.com/logo.png", "//cdn.example.com/logo.png", "/\\cdn.example.com", "javascript:alert(1)", "/a b.png"]) {
    expect(settingsInput.safeParse({ ...base, logoUrl }).success, logoUrl).toBe(false);
  }
});
