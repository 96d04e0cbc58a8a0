import { utcToZonedInput, zonedToUtc } from "@/lib/time";

// When a digest goes out. Send times are wall-clock times in the site's time zone ("07:00"), so
// the UTC instant moves with daylight saving; each local day gets at most one digest.

/** The local calendar day ("2026-12-01") of `at` in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/**
 * The UTC instant of `sendTime` on local `day`. A time that does not exist that day (inside a
 * spring-forward gap) is read with the offset from before the change, which lands it just after
 * the gap: the digest is late by the skipped hour, never skipped.
 */
export function digestInstant(day: string, sendTime: string, timeZone: string): Date {
  const at = zonedToUtc(`${day}T${sendTime}`, timeZone);
  if (!at) throw new Error(`not a day and time: ${day} ${sendTime}`);
  const asked = Date.parse(`${day}T${sendTime}:00Z`);
  const shown = Date.parse(`${utcToZonedInput(at, timeZone)}Z`);
  return asked === shown ? at : new Date(at.getTime() + (asked - shown));
}

/**
 * The local day whose digest is due at `now`, or null. Due once the day's send time has passed
 * and no digest was sent (or passed over) for that day yet.
 */
export function dueDigestDay(now: Date, timeZone: string, sendTime: string, lastDay: string | null): string | null {
  const today = localDay(now, timeZone);
  if (lastDay !== null && lastDay >= today) return null;
  return now.getTime() >= digestInstant(today, sendTime, timeZone).getTime() ? today : null;
}
