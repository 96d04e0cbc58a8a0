import { hashIp } from "@/lib/comments/submit";
import { authSecret } from "@/lib/env";

/** The client's address as the first proxy saw it; only ever kept as a salted hash. */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export function clientIpHash(headers: Headers): string | null {
  const ip = clientIp(headers);
  return ip ? hashIp(ip, authSecret()) : null;
}
