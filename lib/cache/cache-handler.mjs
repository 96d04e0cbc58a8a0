// The Next.js cache handler (next.config.mjs `cacheHandler`): rendered pages and
// unstable_cache data, for one instance or many.
//
// Plain JavaScript because Next.js imports it at run time, outside its bundles.
//
// - Every instance keeps a size-bounded in-memory LRU, so a cached page costs a Map lookup,
//   as with Next.js's own memory cache.
// - With REDIS_URL set, entries are also written to Redis, and an instance that misses in
//   memory reads Redis before rendering: a page rendered by one instance serves all.
// - Tag invalidations (revalidateTag from an action) are timestamps kept in a Redis hash and
//   announced on a pub/sub channel, so every instance drops what they invalidate within
//   milliseconds. An entry older than the invalidation of one of its tags is a miss.
// - Redis is never waited on for long: commands time out after a few hundred milliseconds,
//   a timeout opens a short circuit breaker, and while Redis is down each instance serves
//   from its own memory. Invalidations made meanwhile are pushed to Redis when it returns,
//   and the ones made by others are read back then.
//
// Timestamps compare across instances, so their clocks must agree (NTP), as Next.js's own
// tag manifest assumes.

import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { deserialize, MAX_TTL_SECONDS, MemoryStore, serialize, sizeOf, tagsOf, ttlSeconds, withValidator } from "./entries.mjs";

export { deserialize, serialize };

const COMMAND_TIMEOUT_MS = 500;
// An invalidation matters more than a cache read: it gets longer, and is retried until sent.
const INVALIDATION_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 1000;
const BREAKER_MS = 2000;
// A missed pub/sub message (a reconnect at the wrong moment) is made good this often.
const RESYNC_MS = 15_000;
const PRUNE_BATCH = 1000;
const DEFAULT_MEMORY_BYTES = 256 * 1024 * 1024;

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

/**
 * The process-wide cache. Next.js constructs a handler per request, so the state lives
 * here, created once.
 */
export class SharedCache {
  constructor({ redisUrl, maxMemoryBytes = DEFAULT_MEMORY_BYTES, buildId = "dev", prefix = "gazette", log = console } = {}) {
    this.memory = new MemoryStore(maxMemoryBytes);
    /** tag → ms of its latest invalidation */
    this.tagTimes = new Map();
    /** invalidations Redis has not heard of yet (made while it was unreachable) */
    this.unsent = new Map();
    /** key → when it was first asked for and missed: its render or query began after that */
    this.missedAt = new Map();
    this.redisUrl = redisUrl;
    this.prefix = prefix;
    this.entryPrefix = `${prefix}:${buildId}:entry:`;
    this.tagsKey = `${prefix}:tags`;
    this.channel = `${prefix}:tags`;
    this.instance = randomBytes(6).toString("hex");
    this.log = log;
    this.brokenUntil = 0;
    this.redisState = redisUrl ? "connecting" : "off";
    this.stats = { memoryHits: 0, redisHits: 0, misses: 0, redisErrors: 0 };
    if (redisUrl) this.ready = this.connect();
  }

  // --- Redis connection --------------------------------------------------------------

  async connect() {
    const { createClient } = await import("redis");
    const options = {
      url: this.redisUrl,
      // Commands fail at once while disconnected instead of queueing behind a dead server.
      disableOfflineQueue: true,
      pingInterval: 5000,
      socket: {
        connectTimeout: CONNECT_TIMEOUT_MS,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
      },
    };
    this.client = createClient(options);
    this.subscriber = createClient(options);
    for (const c of [this.client, this.subscriber]) {
      c.on("error", (error) => this.onRedisError(error));
    }
    this.client.on("ready", () => void this.onRedisReady());
    this.subscriber.on("ready", () => void this.onRedisReady());
    this.resyncTimer = setInterval(() => {
      if (this.usable() && this.subscriber?.isReady) void this.onRedisReady();
    }, RESYNC_MS);
    this.resyncTimer.unref?.();
    // connect() keeps retrying in the background; nothing waits for it.
    this.client.connect().catch((error) => this.onRedisError(error));
    this.subscriber
      .connect()
      .then(() => this.subscriber.subscribe(this.channel, (message) => this.onMessage(message)))
      .catch((error) => this.onRedisError(error));
  }

  usable() {
    return Boolean(this.client?.isReady) && Date.now() >= this.brokenUntil;
  }

  onRedisError(error) {
    this.stats.redisErrors++;
    if (this.redisState !== "down") {
      this.redisState = "down";
      this.log.warn?.(`[cache] Redis unavailable (${error?.message ?? error}); serving from this instance's memory until it returns.`);
    }
  }

  /** Both connections ready again: trade invalidations missed in either direction. */
  async onRedisReady() {
    if (!this.client?.isReady || !this.subscriber?.isReady) return;
    this.brokenUntil = 0;
    try {
      await this.flushUnsent();
      const all = await withTimeout(this.client.hGetAll(this.tagsKey), COMMAND_TIMEOUT_MS * 3);
      const byTime = new Map();
      for (const [tag, value] of Object.entries(all)) {
        const at = Number(value);
        if (at > (this.tagTimes.get(tag) ?? 0)) {
          this.tagTimes.set(tag, at);
          if (!byTime.has(at)) byTime.set(at, []);
          byTime.get(at).push(tag);
        }
      }
      for (const [at, tags] of byTime) this.memory.evictInvalidated(tags, at);
      if (this.redisState !== "up") {
        if (this.redisState === "down") this.log.warn?.("[cache] Redis is back; sharing the cache again.");
        this.redisState = "up";
      }
      this.forgetOldInvalidations(all).catch((error) => this.log.warn?.(`[cache] Could not prune old invalidations: ${error?.message ?? error}`));
    } catch (error) {
      this.onRedisError(error);
    }
  }

  /**
   * Drops invalidation times older than any entry can be (entries expire from Redis after
   * MAX_TTL_SECONDS, and memory drops an entry when its tag is invalidated), so the hash
   * holds recent tags only instead of every article's forever. A time another instance has
   * just renewed is left alone.
   */
  async forgetOldInvalidations(all) {
    const before = Date.now() - (MAX_TTL_SECONDS + 24 * 60 * 60) * 1000;
    for (const [tag, at] of this.tagTimes) if (at < before) this.tagTimes.delete(tag);
    // A bounded batch a pass (every RESYNC_MS), so that a hash grown large before this existed
    // shrinks over a few passes instead of holding Redis up in one.
    const old = Object.entries(all)
      .filter(([, value]) => Number(value) < before)
      .slice(0, PRUNE_BATCH);
    if (old.length === 0) return;
    await withTimeout(
      this.client.eval(
        "for i = 1, #ARGV, 2 do if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end end return 1",
        { keys: [this.tagsKey], arguments: old.flat() },
      ),
      INVALIDATION_TIMEOUT_MS,
    );
  }

  /** Sends the invalidations Redis has not heard of; on failure, tries again shortly. */
  async flushUnsent() {
    if (this.unsent.size === 0) return;
    const pending = [...this.unsent];
    try {
      await this.publishInvalidations(pending);
      for (const [tag, at] of pending) if (this.unsent.get(tag) === at) this.unsent.delete(tag);
    } catch (error) {
      this.scheduleFlush();
      throw error;
    }
  }

  scheduleFlush() {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      if (this.client?.isReady) this.flushUnsent().catch((error) => this.onRedisError(error));
      else if (this.unsent.size > 0) this.scheduleFlush();
    }, BREAKER_MS);
    this.flushTimer.unref?.();
  }

  /** A command that failed or timed out: leave Redis alone for a moment. */
  trip(error) {
    this.brokenUntil = Date.now() + BREAKER_MS;
    this.onRedisError(error);
  }

  onMessage(message) {
    try {
      const { tags, at, from } = JSON.parse(message);
      if (from === this.instance || !Array.isArray(tags) || typeof at !== "number") return;
      this.applyInvalidation(tags, at);
    } catch {
      // a message from something else on the channel
    }
  }

  applyInvalidation(tags, at) {
    for (const tag of tags) {
      if (at > (this.tagTimes.get(tag) ?? 0)) this.tagTimes.set(tag, at);
    }
    this.memory.evictInvalidated(tags, at);
  }

  async publishInvalidations(pairs) {
    const multi = this.client.multi();
    for (const [tag, at] of pairs) {
      // Keep the newest time when two instances invalidate one tag at once.
      multi.eval("local c = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0') if c < tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end return 1", {
        keys: [this.tagsKey],
        arguments: [tag, String(at)],
      });
    }
    const byTime = new Map();
    for (const [tag, at] of pairs) {
      if (!byTime.has(at)) byTime.set(at, []);
      byTime.get(at).push(tag);
    }
    for (const [at, tags] of byTime) {
      multi.publish(this.channel, JSON.stringify({ tags, at, from: this.instance }));
    }
    await withTimeout(multi.exec(), INVALIDATION_TIMEOUT_MS);
  }

  // --- the cache ---------------------------------------------------------------------

  isInvalidated(tags, lastModified) {
    for (const tag of tags) {
      const at = this.tagTimes.get(tag);
      if (at !== undefined && at >= lastModified) return true;
    }
    return false;
  }

  async get(key, ctx) {
    const askedAt = Date.now();
    const extraTags = ctx?.kind === "FETCH" ? [...(ctx.tags ?? []), ...(ctx.softTags ?? [])] : [];
    const local = this.memory.get(key);
    if (local) {
      if (!this.isInvalidated(local.tags, local.lastModified) && !this.isInvalidated(extraTags, local.lastModified)) {
        this.stats.memoryHits++;
        return { lastModified: local.lastModified, value: local.value, cacheControl: local.cacheControl };
      }
      this.memory.delete(key);
    }
    if (this.usable()) {
      try {
        const text = await withTimeout(this.client.get(this.entryPrefix + key), COMMAND_TIMEOUT_MS);
        if (text) {
          const stored = deserialize(text);
          const tags = stored.tags ?? [];
          if (!this.isInvalidated(tags, stored.lastModified) && !this.isInvalidated(extraTags, stored.lastModified)) {
            this.memory.set(key, { ...stored, tags, size: sizeOf(key, stored.value) });
            this.stats.redisHits++;
            return { lastModified: stored.lastModified, value: stored.value, cacheControl: stored.cacheControl };
          }
        }
      } catch (error) {
        this.trip(error);
      }
    }
    this.stats.misses++;
    if (!this.missedAt.has(key)) {
      // keys that miss and are never stored (errors) must not pile up
      if (this.missedAt.size > 10_000) this.missedAt.clear();
      this.missedAt.set(key, askedAt);
    }
    return null;
  }

  /**
   * A render or query that began before one of its tags was invalidated and ended after it
   * holds what it read before the change; stored, it would pass for fresh until the next
   * invalidation. It is served to the request that made it, and not kept.
   */
  overlapsInvalidation(key, tags) {
    const startedAt = this.missedAt.get(key);
    this.missedAt.delete(key);
    if (startedAt === undefined) return false;
    return tags.some((tag) => (this.tagTimes.get(tag) ?? -1) >= startedAt);
  }

  async set(key, value, ctx) {
    const lastModified = Date.now();
    withValidator(value);
    const cacheControl = ctx?.fetchCache ? undefined : ctx?.cacheControl;
    const tags = tagsOf(value, ctx);
    if (this.overlapsInvalidation(key, tags)) {
      this.memory.delete(key);
      return;
    }
    this.memory.set(key, { value, lastModified, cacheControl, tags, size: sizeOf(key, value) });
    if (!value || !this.usable()) return;
    try {
      const text = serialize({ value, lastModified, cacheControl, tags });
      await withTimeout(this.client.set(this.entryPrefix + key, text, { EX: ttlSeconds(value, cacheControl) }), COMMAND_TIMEOUT_MS);
    } catch (error) {
      this.trip(error);
    }
  }

  /**
   * Marks tags invalid from now on. A stale-only profile (revalidateTag(tag, "max")) counts
   * as expiry here: the next request renders afresh instead of being served the old page.
   */
  async revalidateTag(tags, _durations) {
    const list = (typeof tags === "string" ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    const at = Date.now();
    this.applyInvalidation(list, at);
    if (!this.redisUrl) return;
    for (const tag of list) this.unsent.set(tag, at);
    // Sent even while reads skip Redis after a slow answer: other instances must hear of it.
    if (this.client?.isReady) {
      try {
        await this.flushUnsent();
      } catch (error) {
        this.trip(error);
      }
    }
  }

  async close() {
    clearInterval(this.resyncTimer);
    clearTimeout(this.flushTimer);
    await Promise.allSettled([this.client?.close?.(), this.subscriber?.close?.()]);
  }
}

// ---------------------------------------------------------------------------------------
// The class Next.js instantiates.

const globalKey = Symbol.for("gazette.sharedCache");

function readBuildId(serverDistDir) {
  if (!serverDistDir) return "dev";
  try {
    return readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

export function sharedCache(ctx = {}) {
  if (!globalThis[globalKey]) {
    // `next build` prerenders with this handler too; it must not reach for Redis then.
    const building = process.env.NEXT_PHASE === "phase-production-build";
    globalThis[globalKey] = new SharedCache({
      redisUrl: building ? undefined : process.env.REDIS_URL || undefined,
      maxMemoryBytes: ctx.maxMemoryCacheSize || DEFAULT_MEMORY_BYTES,
      buildId: readBuildId(ctx.serverDistDir),
    });
  }
  return globalThis[globalKey];
}

export default class CacheHandler {
  constructor(ctx) {
    this.cache = sharedCache(ctx);
  }
  get(key, ctx) {
    return this.cache.get(key, ctx);
  }
  set(key, value, ctx) {
    return this.cache.set(key, value, ctx);
  }
  revalidateTag(tags, durations) {
    return this.cache.revalidateTag(tags, durations);
  }
  resetRequestCache() {}
}
