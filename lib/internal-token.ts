import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// Background work (the scheduler) runs outside any request, where Next.js cannot expire cache
// tags; it asks its own server to, through a route that only holders of the secret may call.
export function internalToken(): string {
  return createHmac("sha256", authSecret()).update("gazette:internal-revalidate").digest("base64url");
}

export function isInternalToken(value: string | null): boolean {
  if (!value) return false;
  const expected = Buffer.from(internalToken());
  const given = Buffer.from(value);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
