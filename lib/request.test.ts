import { expect, it } from "vitest";
import { clientIp } from "./request";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value });

it("believes only the address the site's own proxy added to X-Forwarded-For", () => {
  // nginx appends the address it was called from to whatever the client sent
  expect(clientIp(forwarded("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
  expect(clientIp(forwarded("203.0.113.7"), 1)).toBe("203.0.113.7");
  // a CDN in front of nginx: the CDN added the client, nginx the CDN's edge
  expect(clientIp(forwarded("6.6.6.6, 203.0.113.7, 198.51.100.2"), 2)).toBe("203.0.113.7");
  // a shorter chain than the proxies configured: the first entry is all there is
  expect(clientIp(forwarded("203.0.113.7"), 2)).toBe("203.0.113.7");
  expect(clientIp(forwarded(" 2001:db8::1 ,, "), 1)).toBe("2001:db8::1");
});

it("falls back to X-Real-IP, and to nothing", () => {
  expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }), 1)).toBe("203.0.113.9");
  expect(clientIp(new Headers(), 1)).toBeNull();
});
