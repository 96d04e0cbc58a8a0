import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { stampPeerAddress } from "./peer-address";
import { clientIp, peerHeader } from "./request";

const forwarded = (value: string) => new Headers({ "x-forwarded-for": value, [peerHeader]: "192.0.2.50" });

it("with no proxy configured, believes only the connection, whatever the client wrote", () => {
  expect(clientIp(forwarded("6.6.6.6"), 0)).toBe("192.0.2.50");
  expect(clientIp(new Headers({ "x-real-ip": "6.6.6.6", [peerHeader]: "192.0.2.50" }), 0)).toBe("192.0.2.50");
  expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6" }), 0)).toBeNull();
});

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

it("behind a proxy, falls back to X-Real-IP, then to the connection", () => {
  expect(clientIp(new Headers({ "x-real-ip": "203.0.113.9" }), 1)).toBe("203.0.113.9");
  expect(clientIp(new Headers({ [peerHeader]: "192.0.2.50" }), 1)).toBe("192.0.2.50");
  expect(clientIp(new Headers(), 1)).toBeNull();
});

it("stamps each request with its connection's address, replacing a client's forgery", async () => {
  stampPeerAddress(peerHeader);
  const server = createServer((req, res) => res.end(String(req.headers[peerHeader])));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [peerHeader]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" } });
    expect(await res.text()).toBe("127.0.0.1");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
