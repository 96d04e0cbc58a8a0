import { isbot } from "isbot";
import type { HeaderSource } from "@/lib/request";

// How a read is described once it is counted: a coarse class of where the reader came from
// and of what they read on. Nothing finer is kept (no URL, no address, no user agent).

export const referrerClasses = ["search", "social", "newsletter", "aggregator", "internal", "direct", "other"] as const;
export type ReferrerClass = (typeof referrerClasses)[number];
export const deviceClasses = ["mobile", "desktop"] as const;
export type DeviceClass = (typeof deviceClasses)[number];

export const referrerLabels: Record<ReferrerClass, string> = {
  search: "Search",
  social: "Social",
  newsletter: "Newsletter",
  aggregator: "News aggregators",
  internal: "Internal",
  direct: "Direct",
  other: "Other sites",
};

// Registrable names matched against the end of the referrer's host ("news.google.com" is an
// aggregator before it is a Google search, so aggregators are tried first).
const aggregators = ["news.google.com", "news.yahoo.com", "flipboard.com", "msn.com", "smartnews.com", "newsbreak.com", "apple.news", "feedly.com", "inoreader.com", "newsnow.co.uk", "ground.news", "news.ycombinator.com", "upday.com"];
const searchEngines = ["google", "bing.com", "duckduckgo.com", "search.yahoo.com", "yahoo.com", "yandex", "baidu.com", "ecosia.org", "qwant.com", "search.brave.com", "startpage.com", "kagi.com", "naver.com", "seznam.cz"];
const socialNetworks = ["facebook.com", "fb.com", "fb.me", "instagram.com", "t.co", "twitter.com", "x.com", "linkedin.com", "lnkd.in", "reddit.com", "bsky.app", "threads.net", "tiktok.com", "youtube.com", "youtu.be", "pinterest.com", "tumblr.com", "whatsapp.com", "wa.me", "telegram.org", "t.me", "mastodon.social", "mastodon.online", "vk.com"];
const webmail = ["mail.google.com", "outlook.live.com", "outlook.office.com", "outlook.office365.com", "mail.yahoo.com", "mail.proton.me", "mail.aol.com", "fastmail.com", "app.fastmail.com", "icloud.com"];

/** A test of a host against registrable names, compiled once (it runs on every beacon). */
function hostMatcher(names: readonly string[]): (host: string) => boolean {
  const exact = names.filter((name) => name.includes("."));
  // "google" alone stands for every country's Google (google.fr, google.co.uk).
  const anyCountry = names.filter((name) => !name.includes(".")).map((name) => new RegExp(`(^|\\.)${name}\\.[a-z.]+$`));
  return (host) => exact.some((name) => host === name || host.endsWith(`.${name}`)) || anyCountry.some((pattern) => pattern.test(host));
}

const isWebmail = hostMatcher(webmail);
const isAggregator = hostMatcher(aggregators);
const isSearchEngine = hostMatcher(searchEngines);
const isSocialNetwork = hostMatcher(socialNetworks);

function parseUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Where a read came from: the page's own campaign parameters (a newsletter link carries
 * `utm_medium=email`) first, then the referrer's host. The site's Referrer-Policy makes
 * browsers send only the origin of other sites, which is all this needs.
 */
export function classifyReferrer({ referrer, pageUrl, siteHost }: { referrer?: string; pageUrl?: string; siteHost?: string }): ReferrerClass {
  const page = parseUrl(pageUrl);
  if (page) {
    const medium = (page.searchParams.get("utm_medium") ?? "").toLowerCase();
    const source = (page.searchParams.get("utm_source") ?? "").toLowerCase();
    if (medium === "email" || medium === "newsletter" || source.includes("newsletter")) return "newsletter";
  }
  const from = parseUrl(referrer);
  if (!from || !/^https?:$/.test(from.protocol)) return referrer ? (/^android-app:\/\/com\.google/.test(referrer) ? "search" : "other") : "direct";
  const host = from.hostname.toLowerCase().replace(/^www\./, "");
  const ownHost = (siteHost ?? page?.hostname ?? "").toLowerCase().replace(/^www\./, "");
  if (ownHost && host === ownHost) return "internal";
  if (isWebmail(host)) return "newsletter";
  if (isAggregator(host)) return "aggregator";
  if (isSearchEngine(host)) return "search";
  if (isSocialNetwork(host)) return "social";
  return "other";
}

/**
 * Mobile or desktop. Chromium browsers say it in `Sec-CH-UA-Mobile`; the others in their user
 * agent. Tablets count as mobile: two classes are all the dashboard shows.
 */
export function classifyDevice({ userAgent, mobileHint }: { userAgent: string; mobileHint?: string | null }): DeviceClass {
  if (mobileHint === "?1") return "mobile";
  if (mobileHint === "?0") return "desktop";
  return /Mobi|Android|iPhone|iPad|iPod|Opera Mini|IEMobile|Silk|Kindle|BlackBerry/i.test(userAgent) ? "mobile" : "desktop";
}

// isbot's pattern costs about 5 µs a user agent, a third of a beacon's own cost, and a site's
// readers send few distinct ones: verdicts are kept for up to this many, forgotten when full.
const botVerdicts = new Map<string, boolean>();
const maxVerdicts = 2000;

/** Known bots and crawlers (the maintained `isbot` list), and clients that say nothing. */
export function isBot(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.length < 10) return true;
  let verdict = botVerdicts.get(userAgent);
  if (verdict === undefined) {
    verdict = isbot(userAgent);
    // a long one is most likely made up for the occasion: not worth its memory
    if (userAgent.length <= 512) {
      if (botVerdicts.size >= maxVerdicts) botVerdicts.clear();
      botVerdicts.set(userAgent, verdict);
    }
  }
  return verdict;
}

/** A speculative load (prefetch or prerender) is not a read. */
export function isPrefetch(headers: HeaderSource): boolean {
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-moz") ?? ""}`.toLowerCase();
  return purpose.includes("prefetch") || purpose.includes("prerender");
}

const sessionCookie = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * A staff session's cookie (Auth.js's `authjs.session-token`, `__Secure-` behind TLS, split into
 * `.0`, `.1` when long), by its name. Its presence is enough, on purpose: only staff have
 * accounts (readers never sign in), so the cookie's only honest sender is a staff browser,
 * including one whose session has just expired; and a forged one only keeps its sender's own
 * reads out of the figures, which blocking JavaScript does as well. Checking its signature
 * would cost a decryption per staff beacon and the lookup of the session's version, for
 * nothing a count could gain.
 */
export function hasStaffSession(cookieHeader: string | null): boolean {
  if (!cookieHeader || !cookieHeader.includes("authjs.session-token")) return false;
  return cookieHeader.split(";").some((pair) => sessionCookie.test(pair.split("=", 1)[0]!.trim()));
}
