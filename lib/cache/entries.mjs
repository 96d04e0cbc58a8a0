// What the cache handler keeps: entries of Next.js's incremental cache (rendered pages,
// route bodies, unstable_cache data), their size, tags, ETag and lifetime, their JSON form
// for Redis, and the byte-bounded LRU each instance holds them in.
import { createHash } from "node:crypto";

const TAGS_HEADER = "x-next-cache-tags";
const DAY_SECONDS = 24 * 60 * 60;
/** No entry lives in Redis longer than this. */
export const MAX_TTL_SECONDS = 14 * DAY_SECONDS;

/** Entries outlive their revalidate time (Next.js serves them stale while it re-renders). */
export function ttlSeconds(value, cacheControl) {
  const expire = cacheControl?.expire;
  const revalidate = cacheControl?.revalidate ?? value?.revalidate;
  let ttl = 7 * DAY_SECONDS;
  if (typeof expire === "number" && expire > 0) ttl = expire;
  else if (typeof revalidate === "number" && revalidate > 0) ttl = revalidate * 4;
  return Math.max(60, Math.min(ttl, MAX_TTL_SECONDS));
}

// ---------------------------------------------------------------------------------------
// Serialization: entries hold Buffers (rscData, route bodies) and Maps (segmentData),
// which JSON alone would flatten.

export function serialize(entry) {
  return JSON.stringify(entry, function replacer(key, value) {
    const original = this[key];
    if (original instanceof Uint8Array) {
      return { $b: Buffer.from(original.buffer, original.byteOffset, original.byteLength).toString("base64") };
    }
    if (original instanceof Map) return { $m: [...original.entries()] };
    return value;
  });
}

export function deserialize(text) {
  return JSON.parse(text, (_key, value) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      if (typeof value.$b === "string") return Buffer.from(value.$b, "base64");
      if (Array.isArray(value.$m)) return new Map(value.$m);
    }
    return value;
  });
}

// ---------------------------------------------------------------------------------------

// What an entry costs in memory, as V8 holds it, so that cacheMaxMemorySize bounds the heap
// the LRU really takes. A string with one character past U+00FF (an em dash, a curly quote:
// most articles) is stored at two bytes per character; counting its length instead let the
// LRU hold nearly twice what it was configured to. Query results live as objects (keys,
// pointers, Dates), about twice their JSON length.
const TWO_BYTE = /[^\u0000-\u00ff]/;
const OBJECT_OVERHEAD = 2;

function stringBytes(text) {
  if (typeof text !== "string") return 0;
  return TWO_BYTE.test(text) ? text.length * 2 : text.length;
}

export function sizeOf(key, value) {
  const base = stringBytes(key) + 64;
  if (!value) return base;
  switch (value.kind) {
    case "APP_PAGE": {
      let size = stringBytes(value.html) + (value.rscData?.length ?? 0) + stringBytes(value.postponed);
      if (value.segmentData) for (const [p, b] of value.segmentData) size += stringBytes(p) + (b?.length ?? 0);
      return base + size;
    }
    case "APP_ROUTE":
      return base + (value.body?.length ?? 0);
    case "IMAGE":
      return base + (value.buffer?.length ?? 0) + stringBytes(value.etag) + stringBytes(value.upstreamEtag);
    case "PAGES":
      return base + stringBytes(value.html) + OBJECT_OVERHEAD * (JSON.stringify(value.pageData)?.length ?? 0);
    default:
      return base + OBJECT_OVERHEAD * stringBytes(JSON.stringify(value) ?? "");
  }
}

/** The tags an entry depends on: pages carry theirs in a header, data entries in the context. */
export function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" && header ? header.split(",") : [];
  const fromContext = Array.isArray(ctx?.tags) ? ctx.tags : [];
  const fromValue = Array.isArray(value?.tags) ? value.tags : [];
  return [...new Set([...fromHeader, ...fromContext, ...fromValue])];
}

/**
 * A rendered page's ETag, made once when it is stored rather than on every response
 * (next.config.mjs turns Next.js's per-response hashing off). Weak, because the HTML and
 * the RSC payload of a page share the entry's headers: it names the version of the page.
 */
export function withValidator(value) {
  if (value?.kind !== "APP_PAGE" || typeof value.html !== "string" || value.status >= 400) return;
  const hash = createHash("sha1").update(value.html);
  if (value.rscData) hash.update(value.rscData);
  value.headers = { ...value.headers, etag: `W/"${hash.digest("base64url").slice(0, 22)}"` };
}

/** A byte-bounded LRU: Map keeps insertion order, and a hit re-inserts the key. */
export class MemoryStore {
  constructor(maxBytes) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.map = new Map();
  }
  get(key) {
    const item = this.map.get(key);
    if (!item) return undefined;
    this.map.delete(key);
    this.map.set(key, item);
    return item;
  }
  set(key, item) {
    this.delete(key);
    if (item.size > this.maxBytes) return;
    this.map.set(key, item);
    this.bytes += item.size;
    for (const [oldest, old] of this.map) {
      if (this.bytes <= this.maxBytes) break;
      this.map.delete(oldest);
      this.bytes -= old.size;
    }
  }
  delete(key) {
    const item = this.map.get(key);
    if (!item) return;
    this.map.delete(key);
    this.bytes -= item.size;
  }
  /** Drops every entry that depends on a tag invalidated after it was made. */
  evictInvalidated(tags, at) {
    const set = new Set(tags);
    for (const [key, item] of this.map) {
      if (item.lastModified <= at && item.tags.some((t) => set.has(t))) this.delete(key);
    }
  }
}
