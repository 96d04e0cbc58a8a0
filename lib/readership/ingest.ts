import { createHmac, randomBytes } from "node:crypto";
import type { HeaderSource } from "@/lib/request";
import { ReadAggregator } from "./aggregate";
import { classifyDevice, classifyReferrer, hasStaffSession, isBot, isPrefetch } from "./classify";
import { beaconInput, maxBeaconBytes } from "./input";

export type KnownPages = { articleIds: ReadonlySet<number>; sectionSlugs: ReadonlySet<string> };

export type Outcome = "counted" | "repeat" | "bot" | "staff" | "prefetch" | "invalid" | "unknown" | "flood";

export type IngestOptions = {
  /** beacons one address may send in a minute before the rest are refused */
  perAddressPerMinute?: number;
  /** how many addresses the flood counter and the repeat filter track at most */
  maxTracked?: number;
  /** a second view of the same page from the same address and browser within this is not counted */
  repeatWindowMs?: number;
  now?: () => number;
};

const minuteMs = 60_000;
const dayMs = 86_400_000;

/**
 * Everything a beacon goes through before it is counted, in order of cost: headers (bots,
 * staff, prefetches), the body's size and shape, the page being one that exists, the
 * per-address flood limit, then the repeat filter. All of it is in memory; the only state
 * that outlives a flush is the counts themselves.
 */
export class ReadIngest {
  readonly aggregator: ReadAggregator;
  private readonly perAddress: number;
  private readonly maxTracked: number;
  private readonly repeatWindowMs: number;
  private readonly now: () => number;
  private floodWindow = 0;
  private flood = new Map<string, number>();
  private saltDay = -1;
  private salt = Buffer.alloc(0);
  private seen = new Map<string, number>();
  readonly outcomes: Record<Outcome, number> = { counted: 0, repeat: 0, bot: 0, staff: 0, prefetch: 0, invalid: 0, unknown: 0, flood: 0 };

  constructor(
    private known: () => KnownPages | null,
    options: IngestOptions = {},
    aggregator = new ReadAggregator(),
  ) {
    this.aggregator = aggregator;
    this.perAddress = options.perAddressPerMinute ?? 120;
    this.maxTracked = options.maxTracked ?? 50_000;
    this.repeatWindowMs = options.repeatWindowMs ?? 30 * minuteMs;
    this.now = options.now ?? Date.now;
  }

  ingest({ headers, body, address }: { headers: HeaderSource; body: string; address: string | null }): Outcome {
    const outcome = this.decide(headers, body, address);
    this.outcomes[outcome]++;
    return outcome;
  }

  private decide(headers: HeaderSource, body: string, address: string | null): Outcome {
    const userAgent = headers.get("user-agent") ?? "";
    if (isPrefetch(headers)) return "prefetch";
    if (hasStaffSession(headers.get("cookie"))) return "staff";
    if (isBot(userAgent)) return "bot";
    if (body.length > maxBeaconBytes) return "invalid";
    let parsed;
    try {
      parsed = beaconInput.safeParse(JSON.parse(body));
    } catch {
      return "invalid";
    }
    if (!parsed.success) return "invalid";
    let url: URL;
    try {
      url = new URL(parsed.data.u);
    } catch {
      return "invalid";
    }
    const known = this.known();
    if (!known) return "unknown";
    const page = pageOf(url.pathname, parsed.data.a, known);
    if (!page) return "unknown";
    const now = this.now();
    const key = address ?? "";
    if (!this.allow(key, now)) return "flood";
    if (this.isRepeat(`${key}\n${userAgent}\n${page.page}`, now)) return "repeat";
    const recorded = this.aggregator.record({
      ...page,
      referrer: classifyReferrer({ referrer: parsed.data.r, pageUrl: parsed.data.u, siteHost: headers.get("host")?.replace(/:\d+$/, "") }),
      device: classifyDevice({ userAgent, mobileHint: headers.get("sec-ch-ua-mobile") }),
      at: now,
    });
    return recorded ? "counted" : "unknown";
  }

  /** Fixed one-minute windows; an address past the cap is refused until the next window. */
  private allow(address: string, now: number) {
    const window = Math.floor(now / minuteMs);
    if (window !== this.floodWindow) {
      this.floodWindow = window;
      this.flood = new Map();
    }
    const count = (this.flood.get(address) ?? 0) + 1;
    // Past maxTracked addresses in one minute, new ones go unlimited rather than grow the map.
    if (count === 1 && this.flood.size >= this.maxTracked) return true;
    this.flood.set(address, count);
    return count <= this.perAddress;
  }

  /**
   * The repeat filter keys views by an HMAC of address, browser and page under a salt drawn
   * at random each UTC day and held only in memory, so yesterday's keys cannot be recomputed
   * by anyone, this process included.
   */
  private isRepeat(identity: string, now: number) {
    const day = Math.floor(now / dayMs);
    if (day !== this.saltDay) {
      this.saltDay = day;
      this.salt = randomBytes(32);
      this.seen = new Map();
    }
    const key = createHmac("sha256", this.salt).update(identity).digest("base64url").slice(0, 22);
    const until = this.seen.get(key);
    if (until !== undefined && until > now) return true;
    if (this.seen.size >= this.maxTracked) {
      for (const [k, expires] of this.seen) if (expires <= now) this.seen.delete(k);
      // Still full: forget the oldest half (Map keeps insertion order) rather than grow.
      if (this.seen.size >= this.maxTracked) {
        let drop = Math.ceil(this.seen.size / 2);
        for (const k of this.seen.keys()) {
          if (drop-- <= 0) break;
          this.seen.delete(k);
        }
      }
    }
    this.seen.delete(key);
    this.seen.set(key, now + this.repeatWindowMs);
    return false;
  }
}

/** The row a page's reads go to, or null for an article or section that does not exist. */
export function pageOf(pathname: string, articleId: number | undefined, known: KnownPages) {
  if (articleId !== undefined) return known.articleIds.has(articleId) ? { page: `article:${articleId}`, articleId } : null;
  if (pathname === "/") return { page: "home", articleId: null };
  const section = /^\/([a-z0-9][a-z0-9-]*)(?:\/page\/\d{1,6})?\/?$/.exec(pathname)?.[1];
  if (section && known.sectionSlugs.has(section)) return { page: `section:${section}`, articleId: null };
  return { page: "other", articleId: null };
}
