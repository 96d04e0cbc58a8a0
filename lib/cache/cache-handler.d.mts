// Types for cache-handler.mjs (plain JavaScript, which Next.js imports at run time).
export type CacheValue = { kind: string; [key: string]: unknown } | null;
export type Stored = { lastModified: number; value: CacheValue; cacheControl?: { revalidate: number | false; expire?: number } };
export type GetContext = { kind: string; tags?: string[]; softTags?: string[] };
export type SetContext = { tags?: string[]; fetchCache?: boolean; cacheControl?: { revalidate: number | false; expire?: number } };

export function serialize(entry: unknown): string;
export function deserialize(text: string): unknown;

export class SharedCache {
  constructor(options?: { redisUrl?: string; maxMemoryBytes?: number; buildId?: string; prefix?: string; log?: Pick<Console, "warn"> });
  readonly redisState: "off" | "connecting" | "up" | "down";
  readonly stats: { memoryHits: number; redisHits: number; misses: number; redisErrors: number };
  get(key: string, ctx: GetContext): Promise<Stored | null>;
  set(key: string, value: CacheValue, ctx: SetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  /** Drops invalidation times older than any entry can be from the Redis hash `all` was read from. */
  forgetOldInvalidations(all: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export function sharedCache(ctx?: { maxMemoryCacheSize?: number; serverDistDir?: string }): SharedCache;

export default class CacheHandler {
  constructor(ctx: { maxMemoryCacheSize?: number; serverDistDir?: string });
  get(key: string, ctx: GetContext): Promise<Stored | null>;
  set(key: string, value: CacheValue, ctx: SetContext): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
