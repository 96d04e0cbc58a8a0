import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import * as t from "@/db/schema";
import { describeEachDatabase } from "@/test/databases";
import type { ProviderConfig } from "./providers";
import { refreshSocialCounts } from "./jobs";

type Mode = "ok" | "slow" | "timeout" | "500" | "malformed" | "negative" | "huge" | "drop";
let mode: Mode = "ok";
const hits: string[] = [];

// Stands in for the four networks on loopback, answering in their own shapes.
const fake: Server = createServer((request, response) => {
  const url = new URL(request.url!, "http://fake");
  hits.push(url.pathname + url.search);
  const value = { ok: 5000, slow: 5000, negative: -5, huge: 2e10, drop: 10, timeout: 0, "500": 0, malformed: 0 }[mode];
  if (mode === "timeout") return; // never answers
  if (mode === "slow") {
    setTimeout(() => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ followers_count: value, followersCount: value, items: [{ statistics: { subscriberCount: String(value) } }] }));
    }, 150);
    return;
  }
  if (mode === "500") return void response.writeHead(500).end("oops");
  response.writeHead(200, { "content-type": "application/json" });
  if (mode === "malformed") return void response.end("{ not json");
  if (url.pathname === "/api/v1/accounts/lookup") return void response.end(JSON.stringify({ id: "1", followers_count: value }));
  if (url.pathname === "/xrpc/app.bsky.actor.getProfile") return void response.end(JSON.stringify({ did: "x", followersCount: value }));
  if (url.pathname === "/youtube/v3/channels") return void response.end(JSON.stringify({ items: [{ statistics: { subscriberCount: String(value) } }] }));
  if (url.pathname.startsWith("/v19.0/")) return void response.end(JSON.stringify({ followers_count: value, id: "1" }));
  response.end("{}");
});

let config: ProviderConfig;
beforeAll(async () => {
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
  config = {
    mastodonBaseUrl: base,
    blueskyBaseUrl: base,
    youtubeBaseUrl: base,
    facebookBaseUrl: base,
    youtubeApiKey: "test-key",
    facebookAccessToken: "test-token",
    // Generous, so that a loaded machine never turns an answer into a timeout; the timeout
    // case below sets its own short one.
    timeoutMs: 10_000,
  };
});
afterAll(() => {
  fake.closeAllConnections();
  fake.close();
});

const networks = ["mastodon", "bluesky", "youtube", "facebook"] as const;

describeEachDatabase("refreshSocialCounts against the networks' APIs", (database) => {
  const db = () => database().primary;
  beforeEach(async () => {
    await db().delete(t.socialAccounts);
    await db().insert(t.socialAccounts).values([
      ...networks.map((network, i) => ({
        network,
        handle: network === "mastodon" ? "@gazette@example.social" : network === "youtube" ? "@gazette" : "gazette.example",
        profileUrl: `https://example.org/${network}`,
        noun: "Followers",
        verb: "Follow",
        count: 1000,
        fetchedAt: new Date("2026-01-01T00:00:00Z"),
        position: i,
      })),
      { network: "instagram" as const, handle: "gazette", profileUrl: "https://example.org/ig", noun: "Followers", verb: "Follow", count: 77, manual: true, position: 9 },
    ]);
    hits.length = 0;
  });
  const rows = () => db().select().from(t.socialAccounts).orderBy(t.socialAccounts.position);

  it("takes each network's count from its official endpoint", async () => {
    mode = "ok";
    const report = await refreshSocialCounts(db(), config);
    expect(report).toEqual({ skipped: false, changed: 4, failed: 0, held: 0 });
    const after = await rows();
    expect(after.map((r) => r.count)).toEqual([5000, 5000, 5000, 5000, 77]);
    expect(after.slice(0, 4).every((r) => r.fetchedAt!.getTime() > Date.parse("2026-06-01") && r.lastError === null)).toBe(true);
    expect(hits).toEqual(
      expect.arrayContaining([
        "/api/v1/accounts/lookup?acct=gazette",
        "/xrpc/app.bsky.actor.getProfile?actor=gazette.example",
        "/youtube/v3/channels?part=statistics&forHandle=%40gazette&key=test-key",
        "/v19.0/gazette.example?fields=followers_count&access_token=test-token",
      ]),
    );
    expect(hits).toHaveLength(4); // the manual account is never fetched
  });

  it.each([
    ["timeout", /No answer within 0.3 s/],
    ["500", /answered HTTP 500/],
    ["malformed", /malformed JSON/],
    ["negative", /negative/],
    ["huge", /implausibly large/],
  ] as const)("keeps the last good count on %s and records why", async (failure, message) => {
    mode = failure;
    // A network that never answers is given up on after the timeout, here 0.3 s.
    const report = await refreshSocialCounts(db(), failure === "timeout" ? { ...config, timeoutMs: 300 } : config);
    expect(report.failed).toBe(4);
    for (const row of (await rows()).slice(0, 4)) {
      expect(row.count).toBe(1000);
      expect(row.fetchedAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
      expect(row.lastError).toMatch(message);
      expect(row.lastErrorAt).not.toBeNull();
    }
  });

  it("holds a fall of more than 90% for an admin to confirm", async () => {
    mode = "drop";
    const report = await refreshSocialCounts(db(), config);
    expect(report.held).toBe(4);
    for (const row of (await rows()).slice(0, 4)) {
      expect(row.count).toBe(1000);
      expect(row.pendingCount).toBe(10);
      expect(row.lastError).toMatch(/fell from 1000 to 10/);
    }
  });

  it("lets only one instance refresh at a time", async () => {
    mode = "slow";
    const first = refreshSocialCounts(db(), config);
    // Once the network has been asked, the first pass holds the lock.
    await expect.poll(() => hits.length, { timeout: 5000, interval: 10 }).toBeGreaterThan(0);
    const second = await refreshSocialCounts(db(), config);
    const firstReport = await first;
    expect(firstReport).toMatchObject({ skipped: false, changed: 4 });
    // PGlite has one connection, so there the second pass simply waits its turn.
    if (database().label === "postgres") expect(second).toEqual({ skipped: true, changed: 0, failed: 0, held: 0 });
    expect(hits.length).toBe(database().label === "postgres" ? 4 : 8);
    const [account] = await db().select().from(t.socialAccounts).where(eq(t.socialAccounts.network, "bluesky"));
    expect(account!.count).toBe(5000);
  });
});
