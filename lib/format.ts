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
