import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import { Timestamp } from "./timestamp";

const at = new Date("2026-12-02T13:05:07Z");

it("shows a staff time in the site's zone, naming the zone, with the instant in datetime", () => {
  expect(renderToStaticMarkup(createElement(Timestamp, { at, timeZone: "Europe/Paris" }))).toBe(
    '<time dateTime="2026-12-02T13:05:07.000Z">2 Dec 2026, 14:05 CET</time>',
  );
  expect(renderToStaticMarkup(createElement(Timestamp, { at: at.toISOString(), timeZone: "UTC", seconds: true }))).toBe(
    '<time dateTime="2026-12-02T13:05:07.000Z">2 Dec 2026, 13:05:07 UTC</time>',
  );
});

it("keeps a reader's date and date-time in the site's locale", () => {
  expect(renderToStaticMarkup(createElement(Timestamp, { at, timeZone: "UTC", style: "date", locale: "en-US" }))).toBe(
    '<time dateTime="2026-12-02T13:05:07.000Z">December 2, 2026</time>',
  );
  expect(renderToStaticMarkup(createElement(Timestamp, { at, timeZone: "UTC", style: "dateTime", locale: "en-US", className: "t" }))).toBe(
    '<time dateTime="2026-12-02T13:05:07.000Z" class="t">December 2, 2026 at 1:05 PM UTC</time>',
  );
});
