import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "redis";
import { freePort, hasRedisServer, RedisServer } from "@/test/redis-server";
import { deserialize, serialize, SharedCache } from "./cache-handler.mjs";

const quiet = { warn: () => {} };

function page(html: string, tags: string[]) {
  return {
    kind: "APP_PAGE",
    html,
    rscData: Buffer.from(`rsc:${html}`),
    headers: { "x-next-cache-tags": tags.join(",") },
    status: 200,
    postponed: undefined,
    segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    value = await read();
  }
  return value;
}

describe("cache entry serialization", () => {
  it("keeps Buffers and Maps through JSON", () => {
    const entry = { value: page("<p>hi</p>", ["article:1"]), lastModified: 5 };
    const back = deserialize(serialize(entry)) as typeof entry;
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
    expect(back.value.rscData.toString()).toBe("rsc:<p>hi</p>");
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(back.value.segmentData.get("/_tree")?.toString()).toBe("tree");
    expect(back.value.html).toBe("<p>hi</p>");
  });
});

describe("SharedCache in memory (no REDIS_URL)", () => {
  it("serves what was set until one of its tags is revalidated", async () => {
    const cache = new SharedCache({ log: quiet });
    await cache.set("/a", page("one", ["article:1", "home"]), { cacheControl: { revalidate: 3600 } });
    expect((await cache.get("/a", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "one" });
    await cache.revalidateTag("article:2");
    expect(await cache.get("/a", { kind: "APP_PAGE" })).not.toBeNull();
    await cache.revalidateTag(["article:1"], { expire: 0 });
    await new Promise((r) => setTimeout(r, 2));
    expect(await cache.get("/a", { kind: "APP_PAGE" })).toBeNull();
    // rendered again after the revalidation: fresh
    await cache.set("/a", page("two", ["article:1", "home"]), {});
    expect((await cache.get("/a", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "two" });
  });

  it("checks data entries against the tags of the call and the page", async () => {
    const cache = new SharedCache({ log: quiet });
    const data = { kind: "FETCH", data: { body: "[]", headers: {}, status: 200, url: "" }, revalidate: 3600 };
    await cache.set("k", data, { fetchCache: true, tags: ["article:9"] });
    expect(await cache.get("k", { kind: "FETCH", tags: ["article:9"], softTags: ["_N_T_/world/x"] })).not.toBeNull();
    await cache.revalidateTag("_N_T_/world/x");
    expect(await cache.get("k", { kind: "FETCH", tags: ["article:9"], softTags: ["_N_T_/world/x"] })).toBeNull();
  });

  it("does not keep a render that an invalidation overtook", async () => {
    const cache = new SharedCache({ log: quiet });
    // a miss: the render starts, reads the comments, and meanwhile a comment is approved
    expect(await cache.get("/race", { kind: "APP_PAGE" })).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    await cache.revalidateTag("article:5", { expire: 0 });
    await new Promise((r) => setTimeout(r, 2));
    await cache.set("/race", page("read before the comment", ["article:5"]), {});
    expect(await cache.get("/race", { kind: "APP_PAGE" })).toBeNull();
    // the next render starts after the invalidation and is kept
    await new Promise((r) => setTimeout(r, 2));
    await cache.set("/race", page("with the comment", ["article:5"]), {});
    expect((await cache.get("/race", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "with the comment" });
    // an invalidation of another tag during a render does not matter
    expect(await cache.get("/other", { kind: "APP_PAGE" })).toBeNull();
    await cache.revalidateTag("article:6");
    await cache.set("/other", page("fine", ["article:5"]), {});
    expect(await cache.get("/other", { kind: "APP_PAGE" })).not.toBeNull();
  });

  it("stays within its memory budget, dropping the least recently read", async () => {
    const cache = new SharedCache({ log: quiet, maxMemoryBytes: 20_000 });
    const big = "x".repeat(3_000);
    await cache.set("/1", page(big, []), {});
    await cache.set("/2", page(big, []), {});
    await cache.get("/1", { kind: "APP_PAGE" });
    await cache.set("/3", page(big, []), {});
    await cache.set("/4", page(big, []), {});
    expect(await cache.get("/1", { kind: "APP_PAGE" })).not.toBeNull();
    expect(await cache.get("/2", { kind: "APP_PAGE" })).toBeNull();
  });
});

const redisAvailable = hasRedisServer();

describe.skipIf(!redisAvailable)("SharedCache over Redis, two instances", () => {
  let redis: RedisServer;
  let a: SharedCache;
  let b: SharedCache;
  let prefix: string;

  beforeAll(async () => {
    redis = new RedisServer(Number(process.env.TEST_REDIS_PORT || (await freePort())));
    await redis.start();
    prefix = `test${Date.now()}`;
    a = new SharedCache({ redisUrl: redis.url, prefix, log: quiet });
    b = new SharedCache({ redisUrl: redis.url, prefix, log: quiet });
    await until(async () => a.redisState === "up" && b.redisState === "up", Boolean, 5000);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
  });

  it("shares rendered pages and their invalidation", async () => {
    expect(a.redisState).toBe("up");
    await a.set("/shared", page("from A", ["article:7"]), { cacheControl: { revalidate: 3600 } });
    const onB = await b.get("/shared", { kind: "APP_PAGE" });
    expect(onB?.value).toMatchObject({ html: "from A" });
    expect(Buffer.isBuffer(onB?.value?.rscData)).toBe(true);
    expect(b.stats.redisHits).toBe(1);
    // B now holds it in memory; A's revalidation must reach B's memory too.
    expect(await b.get("/shared", { kind: "APP_PAGE" })).not.toBeNull();
    await a.revalidateTag("article:7", { expire: 0 });
    const after = await until(() => b.get("/shared", { kind: "APP_PAGE" }), (v) => v === null, 1000);
    expect(after).toBeNull();
  });

  it("forgets invalidations older than any entry, unless renewed meanwhile", async () => {
    const day = 24 * 60 * 60 * 1000;
    const old = String(Date.now() - 16 * day);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const tagsKey = `${prefix}:tags`;
    await raw.hSet(tagsKey, { "article:old": old, "article:renewed": old });
    await a.revalidateTag("article:recent", { expire: 0 });
    // another instance renews one of them between this instance's read and its delete
    const all = await raw.hGetAll(tagsKey);
    await raw.hSet(tagsKey, "article:renewed", String(Date.now()));
    await a.forgetOldInvalidations(all);
    const left = await raw.hGetAll(tagsKey);
    await raw.close();
    expect(left["article:old"]).toBeUndefined();
    expect(left["article:renewed"]).toBeDefined();
    expect(left["article:recent"]).toBeDefined();
  });

  it("keeps serving from memory while Redis is down, and catches up when it returns", async () => {
    await a.set("/outage", page("before", ["article:8"]), {});
    expect(await b.get("/outage", { kind: "APP_PAGE" })).not.toBeNull();

    await redis.stop();
    await until(async () => a.redisState === "down" && b.redisState === "down", Boolean, 5000);
    const started = Date.now();
    expect((await b.get("/outage", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "before" });
    await a.set("/during", page("during", []), {});
    expect(await a.get("/during", { kind: "APP_PAGE" })).not.toBeNull();
    expect(await b.get("/during", { kind: "APP_PAGE" })).toBeNull();
    // A's invalidation while Redis is away: A knows at once, B cannot yet.
    await a.revalidateTag("article:8", { expire: 0 });
    expect(await a.get("/outage", { kind: "APP_PAGE" })).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);

    await redis.start();
    await until(async () => a.redisState === "up" && b.redisState === "up", Boolean, 10_000);
    expect(a.redisState).toBe("up");
    // B learns of A's invalidation once both are back.
    const after = await until(() => b.get("/outage", { kind: "APP_PAGE" }), (v) => v === null, 5000);
    expect(after).toBeNull();
    // and sharing works again
    await b.set("/again", page("again", []), {});
    expect((await a.get("/again", { kind: "APP_PAGE" }))?.value).toMatchObject({ html: "again" });
  });
});
