import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { MemoryStore, sizeOf } from "./entries.mjs";

// The in-memory LRU is bounded by bytes (next.config.mjs cacheMaxMemorySize). The bound is
// only as good as each entry's size: this fills a store with pages as Next.js hands them over
// (flat strings with an em dash, so V8 keeps them at two bytes a character; RSC payloads as
// Buffers) and with query results, and weighs the heap it really takes.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function page(i: number) {
  const paragraph = "<p>The council met on Tuesday — and again on Wednesday, when the vote was taken.</p>";
  return {
    kind: "APP_PAGE",
    // Built as a flat string, as decoding a rendered stream makes it.
    html: Buffer.from(`<!DOCTYPE html><html><body><h1>Story ${i}</h1>${paragraph.repeat(1200)}</body></html>`).toString("utf8"),
    rscData: Buffer.from(`0:${"x".repeat(40_000)}${i}`),
    segmentData: new Map([["/_tree", Buffer.from(`t${i}`.repeat(500))]]),
    headers: { "x-next-cache-tags": `article:${i},home` },
    status: 200,
  };
}

function queryResult(i: number) {
  return {
    kind: "FETCH",
    data: {
      body: Array.from({ length: 20 }, (_, j) => ({
        id: i * 100 + j,
        title: `Headline ${j} of list ${i}, with a few words`,
        slug: `headline-${j}-${i}`,
        publishedAt: new Date(),
        section: { slug: "world", name: "World" },
        commentCount: j,
      })),
    },
    revalidate: false,
  };
}

// One full collection can leave work for later: Buffers' memory is given back from a task that
// runs after it, and weak callbacks run on the next turn. Collected until two readings agree.
async function heldBytes() {
  let last = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    const usage = process.memoryUsage();
    const now = usage.heapUsed + usage.arrayBuffers;
    if (Math.abs(now - last) < 64 * 1024) return now;
    last = now;
  }
  return last;
}

describe("the in-memory cache's byte bound", () => {
  it("holds no more memory than it is configured for, pages and query results alike", async () => {
    const maxBytes = 24 * 1024 * 1024;
    let store: MemoryStore | null = new MemoryStore(maxBytes);
    for (let i = 0; i < 400; i++) {
      for (const [key, value] of [
        [`/story-${i}`, page(i)],
        [`list-${i}`, queryResult(i)],
      ] as const) {
        store.set(key, { value, size: sizeOf(key, value), tags: [], lastModified: Date.now() });
      }
    }
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.map.size).toBeGreaterThan(50);
    // What the store holds is what the heap gives back once the store is let go: measured so,
    // nothing else the test process allocated meanwhile (compiled code, the runner) counts.
    const withStore = await heldBytes();
    store = null;
    const held = withStore - (await heldBytes());
    // Some slack for the Map and the entries' wrappers, not for a whole second copy.
    expect(held).toBeLessThan(maxBytes * 1.25);
  });
});

describe("sizeOf an optimized image (next/image through the cache handler)", () => {
  it("counts its bytes, not the JSON a Buffer would make", () => {
    const value = { kind: "IMAGE", buffer: Buffer.alloc(100_000), etag: "abc", upstreamEtag: "def", extension: "avif", revalidate: 14_400 };
    const size = sizeOf("image-key", value);
    expect(size).toBeGreaterThanOrEqual(100_000);
    expect(size).toBeLessThan(100_200);
  });
});
