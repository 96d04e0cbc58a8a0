import { describe, expect, it } from "vitest";
import { classifyDevice, classifyReferrer, hasStaffSession, isBot, isPrefetch } from "./classify";

const page = "https://news.example.com/world/a-story";

describe("classifyReferrer", () => {
  it.each([
    ["https://www.google.com/", "search"],
    ["https://www.google.co.uk/", "search"],
    ["https://duckduckgo.com/", "search"],
    ["https://www.bing.com/search?q=x", "search"],
    ["android-app://com.google.android.googlequicksearchbox/", "search"],
    ["https://news.google.com/", "aggregator"],
    ["https://flipboard.com/@news", "aggregator"],
    ["https://t.co/abc", "social"],
    ["https://m.facebook.com/", "social"],
    ["https://bsky.app/profile/x", "social"],
    ["https://old.reddit.com/r/news", "social"],
    ["https://mail.google.com/", "newsletter"],
    ["https://news.example.com/", "internal"],
    ["https://www.news.example.com/politics", "internal"],
    ["https://someblog.example.org/post", "other"],
    ["not a url", "other"],
    ["", "direct"],
  ])("%s is %s", (referrer, expected) => {
    expect(classifyReferrer({ referrer, pageUrl: page })).toBe(expected);
  });

  it("takes a newsletter's campaign parameters over the referrer", () => {
    expect(classifyReferrer({ referrer: "", pageUrl: `${page}?utm_source=daily&utm_medium=email` })).toBe("newsletter");
    expect(classifyReferrer({ referrer: "https://www.google.com/", pageUrl: `${page}?utm_source=morning-newsletter` })).toBe("newsletter");
  });

  it("does not take a look-alike host for a search engine or a network", () => {
    expect(classifyReferrer({ referrer: "https://notgoogle.example/", pageUrl: page })).toBe("other");
    expect(classifyReferrer({ referrer: "https://fakefacebook.com/", pageUrl: page })).toBe("other");
  });
});

describe("classifyDevice", () => {
  const iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
  const android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
  const mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
  it("reads the user agent", () => {
    expect(classifyDevice({ userAgent: iphone })).toBe("mobile");
    expect(classifyDevice({ userAgent: android })).toBe("mobile");
    expect(classifyDevice({ userAgent: mac })).toBe("desktop");
  });
  it("prefers the client hint when there is one", () => {
    expect(classifyDevice({ userAgent: mac, mobileHint: "?1" })).toBe("mobile");
    expect(classifyDevice({ userAgent: android, mobileHint: "?0" })).toBe("desktop");
  });
});

describe("what is not counted", () => {
  it("knows crawlers, headless browsers and HTTP libraries, and lets browsers through", () => {
    expect(isBot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(true);
    expect(isBot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36")).toBe(true);
    expect(isBot("curl/8.5.0")).toBe(true);
    expect(isBot("python-requests/2.31")).toBe(true);
    expect(isBot("")).toBe(true);
    expect(isBot(null)).toBe(true);
    expect(isBot("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")).toBe(false);
  });

  it("sees prefetches and prerenders in either header", () => {
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ "sec-purpose": "prefetch;prerender" }))).toBe(true);
    expect(isPrefetch(new Headers({ purpose: "prefetch" }))).toBe(true);
    expect(isPrefetch(new Headers({ accept: "*/*" }))).toBe(false);
  });

  it("sees a staff session cookie, plain, secure or split", () => {
    expect(hasStaffSession("a=1; authjs.session-token=eyJ")).toBe(true);
    expect(hasStaffSession("__Secure-authjs.session-token.0=eyJ")).toBe(true);
    expect(hasStaffSession("theme=dark")).toBe(false);
    // by the cookie's name, not by the words appearing somewhere in the header
    expect(hasStaffSession("note=authjs.session-token")).toBe(false);
    expect(hasStaffSession("my-authjs.session-token=1; authjs.session-token.x=2")).toBe(false);
    expect(hasStaffSession(null)).toBe(false);
  });
});
