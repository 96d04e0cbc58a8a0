import { describe, expect, it } from "vitest";
import { ReadAggregator } from "./aggregate";
import { ReadIngest, type KnownPages } from "./ingest";

const browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
const phone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const known: KnownPages = { articleIds: new Set([7, 8]), sectionSlugs: new Set(["world"]) };
const hour = 3_600_000;

function setup(options: ConstructorParameters<typeof ReadIngest>[1] = {}) {
  let now = Date.UTC(2026, 11, 1, 10, 15);
  const ingest = new ReadIngest(() => known, { now: () => now, ...options });
  const send = (body: unknown, { ua = browser, address = "198.51.100.1", headers = {} }: { ua?: string; address?: string; headers?: Record<string, string> } = {}) =>
    ingest.ingest({ headers: new Headers({ "user-agent": ua, host: "news.example.com", ...headers }), body: typeof body === "string" ? body : JSON.stringify(body), address });
  return { ingest, send, advance: (ms: number) => (now += ms) };
}

const article = (a: number, r = "") => ({ a, u: "https://news.example.com/world/a-story", r });

describe("ReadIngest", () => {
  it("counts a read once per page, address and browser within the window", () => {
    const { ingest, send, advance } = setup({ repeatWindowMs: 30 * 60_000 });
    expect(send(article(7, "https://www.google.com/"))).toBe("counted");
    expect(send(article(7))).toBe("repeat");
    expect(send(article(7), { ua: phone })).toBe("counted");
    expect(send(article(7), { address: "198.51.100.2" })).toBe("counted");
    advance(31 * 60_000);
    expect(send(article(7))).toBe("counted");
    const rows = ingest.aggregator.take();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ page: "article:7", articleId: 7, views: 4, fromSearch: 1, fromDirect: 3, mobile: 1, desktop: 3 });
  });

  it("does not count bots, staff, prefetches, unknown pages or malformed bodies", () => {
    const { ingest, send } = setup();
    expect(send(article(7), { ua: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)" })).toBe("bot");
    expect(send(article(7), { headers: { cookie: "authjs.session-token=x" } })).toBe("staff");
    expect(send(article(7), { headers: { "sec-purpose": "prefetch" } })).toBe("prefetch");
    expect(send(article(999))).toBe("unknown");
    expect(send("{not json")).toBe("invalid");
    expect(send({ a: "7", u: "x" })).toBe("invalid");
    expect(send({ a: 7, u: "not a url" })).toBe("invalid");
    expect(send({ ...article(7), r: "x".repeat(5000) })).toBe("invalid");
    expect(ingest.aggregator.size).toBe(0);
  });

  it("files home, sections and other pages under their own rows", () => {
    const { ingest, send } = setup();
    send({ u: "https://news.example.com/" });
    send({ u: "https://news.example.com/world/page/2" });
    send({ u: "https://news.example.com/no-such-section" }, { address: "203.0.113.9" });
    expect(ingest.aggregator.take().map((r) => r.page).sort()).toEqual(["home", "other", "section:world"]);
  });

  it("refuses a flood from one address until the next minute, and bounds what it tracks", () => {
    const { ingest, send, advance } = setup({ perAddressPerMinute: 3, maxTracked: 5 });
    expect([8, 7, 8, 7].map((a, i) => send(article(a), { ua: `${browser} ${i}` }))).toEqual(["counted", "counted", "counted", "flood"]);
    advance(60_000);
    expect(send(article(7), { ua: `${browser} again` })).toBe("counted");
    for (let i = 0; i < 50; i++) send(article(7), { address: `192.0.2.${i}` });
    expect((ingest as unknown as { flood: Map<string, number>; seen: Map<string, number> }).flood.size).toBeLessThanOrEqual(5);
    expect((ingest as unknown as { seen: Map<string, number> }).seen.size).toBeLessThanOrEqual(5);
  });
});

describe("ReadAggregator", () => {
  const read = (page: string, at: number) => ({ page, articleId: null, referrer: "direct" as const, device: "desktop" as const, at });

  it("keeps one row per page and hour", () => {
    const aggregator = new ReadAggregator();
    const t = Date.UTC(2026, 11, 1, 10);
    aggregator.record(read("home", t + 1));
    aggregator.record(read("home", t + hour - 1));
    aggregator.record(read("home", t + hour));
    const rows = aggregator.take();
    expect(rows.map((r) => [r.hour.toISOString(), r.views])).toEqual([
      ["2026-12-01T10:00:00.000Z", 2],
      ["2026-12-01T11:00:00.000Z", 1],
    ]);
    expect(aggregator.take()).toEqual([]);
  });

  it("adds rows whose flush failed to what was counted meanwhile, and never grows past its bound", () => {
    const aggregator = new ReadAggregator(2);
    const t = Date.UTC(2026, 11, 1, 10);
    aggregator.record(read("home", t));
    const failed = aggregator.take();
    aggregator.record(read("home", t + 5));
    aggregator.restore(failed);
    expect(aggregator.take()[0]).toMatchObject({ views: 2, fromDirect: 2, desktop: 2 });
    expect(aggregator.record(read("a", t))).toBe(true);
    expect(aggregator.record(read("b", t))).toBe(true);
    expect(aggregator.record(read("c", t))).toBe(false);
    expect(aggregator.size).toBe(2);
  });
});
