// Stands in for lib/cache/cached.ts in a test (vi.mock("@/lib/cache/cached", () =>
// import("@/test/cache-recorder"))): every cached read runs its query at once, and the key and
// options it would be stored under are recorded in `cachedEntries`.
export type CachedEntry = { key: string[]; tags: string[]; revalidate?: number | false };

export const cachedEntries: CachedEntry[] = [];

export function cached<A extends unknown[], R>(
  query: (...args: A) => Promise<R>,
  key: string[],
  options: { tags?: string[]; revalidate?: number | false },
): (...args: A) => Promise<R> {
  return (...args: A) => {
    cachedEntries.push({ key, tags: options.tags ?? [], revalidate: options.revalidate });
    return query(...args);
  };
}
