import { hashIp } from "@/lib/comments/submit";
import { authSecret, env } from "@/lib/env";

/**
 * The client's address. X-Forwarded-For lists the addresses the proxies saw, each appending
 * the one it was called from, so only the entries our own proxies added can be believed: a
 * client may write anything before them. With `proxies` of ours in front (deploy/nginx.conf
 * is one; a CDN before it makes two), the client is the entry that many places from the end.
 * With none, Next.js puts the connection's address there unless the client sent the header
 * itself, which is why the site belongs behind a proxy (README, "Deployment").
 */
export function clientIp(headers: Headers, proxies = env().TRUSTED_PROXIES): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return headers.get("x-real-ip") || null;
  return chain[Math.max(0, chain.length - proxies)] ?? null;
}

/** The client's address as a salted hash: the only form in which it is kept. */
export function clientIpHash(headers: Headers): string | null {
  const ip = clientIp(headers);
  return ip ? hashIp(ip, authSecret()) : null;
}
