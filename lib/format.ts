// Making an Intl formatter costs about 70 µs and using one about 1 µs; a home page formats
// dozens of dates, so each formatter is made once per locale, zone and style.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function formatter<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let found = formatters.get(key) as T | undefined;
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

/** Thousands separators in the site's locale: 16985 → "16,985". */
export function formatCount(value: number, locale = "en-US", compact = false): string {
  return formatter(`n|${locale}|${compact}`, () =>
    new Intl.NumberFormat(locale, compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
  ).format(value);
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
  return formatter(`d|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone })).format(new Date(iso));
}

/** A date and time with its zone ("May 5, 2026 at 9:30 AM UTC"): readers are not all in the newsroom's. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return formatter(`dt|${locale}|${timeZone}`, () =>
    // dateStyle cannot be combined with timeZoneName, so the same fields are named one by one.
    new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone }),
  ).format(new Date(iso));
}

/**
 * A time on a staff screen, in the site's zone and naming it ("2 Dec 2026, 14:05 CET"): an
 * editor abroad, or a zone's change to summer time, must not make a list ambiguous. Staff
 * screens are in English on a 24-hour clock whatever the readers' locale; `seconds` tells
 * apart the saves of one minute (revisions, the audit log).
 */
export function formatStaffTime(at: Date | string, timeZone: string, { seconds = false }: { seconds?: boolean } = {}): string {
  return formatter(`st|${timeZone}|${seconds}`, () =>
    new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      hourCycle: "h23",
      timeZoneName: "short",
      timeZone,
    }),
  ).format(new Date(at));
}

/** The time of day alone ("14:05"), for what happened moments ago on the same screen (an autosave). */
export function formatClock(at: Date | string, timeZone: string): string {
  return formatter(`c|${timeZone}`, () => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone })).format(new Date(at));
}

const wordsPerMinute = 230;

export function countWords(markdown: string): number {
  return markdown
    .replace(/[#>*_`~[\]()!-]/g, " ")
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / wordsPerMinute));
}
