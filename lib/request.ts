import { createHmac } from "node:crypto";
import { authSecret, env } from "@/lib/env";

/** Request headers as read here: a fetch `Headers`, or scripts/server.mjs's node:http ones (lib/readership/fast-path.ts). */
export type HeaderSource = { get(name: string): string | null };

/**
 * The header in which the server itself puts the address of the connection a request came
 * on (lib/peer-address.ts), replacing whatever a client sent under that name.
 */
export const peerHeader = "x-gazette-peer";

/**
 * The client's address, which sign-in throttling and the comment limits count against.
 * With no proxy of ours in front (`TRUSTED_PROXIES=0`, the default, as `npm start` serves)
 * it is the connection's address: X-Forwarded-For is the client's own word then, and a
 * client who could choose its address would get a fresh limit per value. X-Forwarded-For
 * lists the addresses the proxies saw, each appending the one it was called from, so behind
 * `proxies` of ours (deploy/nginx.conf is one; a CDN before it makes two) the client is the
 * entry that many places from the end: entries before it are whatever the client wrote.
 */
export function clientIp(headers: HeaderSource, proxies = env().TRUSTED_PROXIES): string | null {
  const peer = headers.get(peerHeader) || null;
  if (proxies === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return headers.get("x-real-ip") || peer;
  return chain[Math.max(0, chain.length - proxies)] ?? null;
}

export function hashIp(ip: string, secret: string): string {
  return createHmac("sha256", secret).update(`ip:${ip}`).digest("base64url");
}

/** The client's address as a salted hash: the only form in which it is kept. */
export function clientIpHash(headers: Headers): string | null {
  const ip = clientIp(headers);
  return ip ? hashIp(ip, authSecret()) : null;
}
