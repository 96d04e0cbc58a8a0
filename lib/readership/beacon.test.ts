import { describe, expect, it, vi } from "vitest";
import type { ReadAggregator } from "./aggregate";
import { flushReads, readership } from "./beacon";

// flushReads against a database write the test holds open: what a flush already running took
// and what was counted after it started are told apart by the rows each write was handed.
const writes = vi.hoisted((): { pages: string[]; done: () => void }[] => []);

vi.mock("@/db/client", () => ({
  getPrimaryDb: async () => ({}),
  inBackground: <T>(work: () => Promise<T>) => work(),
}));
vi.mock("./jobs", () => ({
  flushAggregator: (_db: unknown, aggregator: ReadAggregator) => {
    const rows = aggregator.take();
    if (rows.length === 0) return Promise.resolve(0);
    return new Promise<number>((done) => writes.push({ pages: rows.map((r) => r.page), done: () => done(rows.length) }));
  },
}));
vi.mock("./queries", () => ({ loadKnownPages: async () => ({ articleIds: new Set<number>(), sectionSlugs: new Set<string>() }) }));

const read = (page: string) => ({ page, articleId: null, referrer: "direct" as const, device: "desktop" as const, at: Date.now() });
const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("flushReads", () => {
  it("resolves once every read counted before the call is written, even while the timer's flush is running", async () => {
    const runtime = readership();
    runtime.ingest.aggregator.record(read("home"));
    const timers = flushReads(runtime); // the timer's flush: it takes "home" and is still writing
    await settled();
    expect(writes.map((w) => w.pages)).toEqual([["home"]]);

    runtime.ingest.aggregator.record(read("section:world")); // a read counted meanwhile
    let written = false;
    const mine = flushReads(runtime).then(() => (written = true));
    const another = flushReads(runtime); // callers meanwhile share the one flush that waits
    writes[0]!.done();
    await timers;
    await settled();
    expect(written).toBe(false);
    expect(writes.map((w) => w.pages)).toEqual([["home"], ["section:world"]]);

    writes[1]!.done();
    await Promise.all([mine, another]);
    expect(written).toBe(true);
    expect(writes).toHaveLength(2);
    expect(runtime.flushes).toBe(2);
    expect(runtime.ingest.aggregator.size).toBe(0);
  });
});
