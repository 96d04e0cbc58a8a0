/** The offset (ms) of `timeZone` from UTC at the instant `date`. */
function offsetAt(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/**
 * A wall-clock time typed in a `datetime-local` field ("2026-12-01T09:30"), read in the site's
 * time zone, as a UTC instant. Returns null for anything that is not such a time.
 */
export function zonedToUtc(local: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi, sec = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59 || sec > 59) return null;
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!, sec);
  if (Number.isNaN(guess)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let utc = guess - offsetAt(new Date(guess), timeZone);
  utc = guess - offsetAt(new Date(utc), timeZone);
  return new Date(utc);
}

/** A UTC instant as the `datetime-local` value it shows in the site's time zone. */
export function utcToZonedInput(date: Date, timeZone: string): string {
  const shifted = new Date(date.getTime() + offsetAt(date, timeZone));
  return shifted.toISOString().slice(0, 19);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
