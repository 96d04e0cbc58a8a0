// Types for entries.mjs (plain JavaScript, which the cache handler imports at run time).
export type MemoryItem = { value: unknown; size: number; tags: string[]; lastModified: number };

export function sizeOf(key: string, value: unknown): number;

export class MemoryStore {
  constructor(maxBytes: number);
  readonly maxBytes: number;
  readonly bytes: number;
  readonly map: Map<string, MemoryItem>;
  get(key: string): MemoryItem | undefined;
  set(key: string, item: MemoryItem): void;
  delete(key: string): void;
  evictInvalidated(tags: string[], at: number): void;
}
