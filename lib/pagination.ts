// Page numbers as they arrive in URLs (`?page=3`, rewritten to a path segment).

/** Larger numbers name no page of any plausible archive; they are refused before any query. */
export const maxPage = 10_000;

/** "3" → 3. Anything but a plain positive integer up to {@link maxPage} ("0", "03", "1e3", "-1", "x") → null. */
export function parsePage(raw: string | string[] | undefined): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^[1-9][0-9]{0,4}$/.test(value)) return null;
  const page = Number(value);
  return page <= maxPage ? page : null;
}

export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The public address of page `page` of a listing: page 1 is the listing's own address. */
export function pageHref(base: string, page: number, query: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
