import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/request";
import { beaconHandler } from "./fast-path";
import { ReadIngest, type Outcome } from "./ingest";

// The handler scripts/server.mjs answers beacons with, on a real node:http server, deciding
// with the real ReadIngest: what the Next.js route refuses, it refuses.
const browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
const article = JSON.stringify({ a: 7, u: "http://news.example.com/world/a-story", r: "https://www.google.com/" });

describe("the beacon's node:http handler", () => {
  const ingest = new ReadIngest(() => ({ articleIds: new Set([7]), sectionSlugs: new Set(["world"]) }));
  const outcomes: Outcome[] = [];
  const server = http.createServer(
    beaconHandler(async (headers, body) => {
      const outcome = body === null ? "invalid" : ingest.ingest({ headers, body, address: clientIp(headers, 0) });
      outcomes.push(outcome);
      return outcome;
    }),
  );
  let base = "";

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/read`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (body: string, headers: Record<string, string> = {}) => {
    const before = outcomes.length;
    const response = await fetch(base, { method: "POST", body, headers: { "user-agent": browser, ...headers } });
    expect(response.status).toBe(204);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(outcomes.length).toBe(before + 1);
    return outcomes.at(-1);
  };

  it("counts a reader's beacon once, by the connection's address, not the one the client wrote", async () => {
    expect(await send(article, { "x-forwarded-for": "198.51.100.1", "sec-ch-ua-mobile": "?1" })).toBe("counted");
    // another X-Forwarded-For from the same connection is the same reader (TRUSTED_PROXIES=0)
    expect(await send(article, { "x-forwarded-for": "198.51.100.2" })).toBe("repeat");
    const [row] = ingest.aggregator.take();
    expect(row).toMatchObject({ page: "article:7", views: 1, fromSearch: 1, mobile: 1 });
  });

  it("keeps out bots, staff sessions, prefetches and malformed bodies", async () => {
    expect(await send(article, { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })).toBe("bot");
    expect(await send(article, { cookie: "theme=dark; __Secure-authjs.session-token=eyJ" })).toBe("staff");
    expect(await send(article, { "sec-purpose": "prefetch;prerender" })).toBe("prefetch");
    expect(await send("{not json")).toBe("invalid");
    expect(ingest.aggregator.size).toBe(0);
  });

  it("refuses a body over the limit, declared or streamed, without reading it", async () => {
    expect(await send("x".repeat(5000))).toBe("invalid");
    // no Content-Length: read in chunks, and cut off past the limit
    const streamed = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = http.request(base, { method: "POST", headers: { "user-agent": browser, "transfer-encoding": "chunked" } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode!, connection: response.headers.connection });
      });
      request.on("error", reject);
      for (let i = 0; i < 8; i++) request.write("y".repeat(1024));
      request.end();
    });
    expect(streamed).toEqual({ status: 204, connection: "close" });
    expect(outcomes.at(-1)).toBe("invalid");
    expect(ingest.aggregator.size).toBe(0);
  });

  it("answers only POST", async () => {
    const before = outcomes.length;
    const response = await fetch(base);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(outcomes.length).toBe(before);
  });
});
