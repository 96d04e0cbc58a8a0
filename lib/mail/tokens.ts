import { createHmac, timingSafeEqual } from "node:crypto";

// Links in emails carry signed tokens rather than database rows: a token needs no table, works
// on every instance, and cannot be forged or stretched without the secret. The key is derived
// from AUTH_SECRET per purpose, so a token made for one use is worthless for another.

export type TokenPurpose = "confirm" | "manage" | "unsubscribe" | "reply-confirm" | "reply-stop";

export type TokenClaims = {
  /** the subscriber (reply alerts: the comment that asked for them) */
  sub: number;
  /** lower-cased address the token was made for: a token outlives no change of address */
  email: string;
  /** confirm: the lists asked for, and the form they were asked from */
  lists?: number[];
  source?: string;
};

type Payload = TokenClaims & { p: TokenPurpose; exp: number };

export const tokenLifetimes: Record<TokenPurpose, number> = {
  confirm: 2 * 24 * 3600,
  // Links in old issues keep working for a year; RFC 8058 senders are expected to honour
  // unsubscribe links from any mail still in a reader's box.
  manage: 365 * 24 * 3600,
  unsubscribe: 365 * 24 * 3600,
  // reply alerts (lib/comments/reply-alerts.ts): sub is the comment that asked for them
  "reply-confirm": 2 * 24 * 3600,
  "reply-stop": 365 * 24 * 3600,
};

// An issue signs two tokens per recipient; deriving the key once per purpose saves half the work.
const keys = new Map<string, Buffer>();

function key(secret: string, purpose: TokenPurpose): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let derived = keys.get(id);
  if (!derived) {
    derived = createHmac("sha256", secret).update(`gazette:mail-token:${purpose}`).digest();
    keys.set(id, derived);
  }
  return derived;
}

function mac(secret: string, purpose: TokenPurpose, body: string): string {
  return createHmac("sha256", key(secret, purpose)).update(body).digest("base64url");
}

export function signToken(
  secret: string,
  purpose: TokenPurpose,
  claims: TokenClaims,
  now: Date = new Date(),
  lifetimeSeconds = tokenLifetimes[purpose],
): string {
  const payload: Payload = { ...claims, email: claims.email.toLowerCase(), p: purpose, exp: Math.floor(now.getTime() / 1000) + lifetimeSeconds };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(secret, purpose, body)}`;
}

export type VerifyResult = { ok: true; claims: TokenClaims } | { ok: false; reason: "invalid" | "expired" };

export function verifyToken(secret: string, purpose: TokenPurpose, token: string, now: Date = new Date()): VerifyResult {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = Buffer.from(mac(secret, purpose, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "invalid" };
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (payload.p !== purpose || !Number.isInteger(payload.sub) || typeof payload.email !== "string" || typeof payload.exp !== "number") {
    return { ok: false, reason: "invalid" };
  }
  if (payload.exp * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  const claims: TokenClaims = { sub: payload.sub, email: payload.email };
  if (Array.isArray(payload.lists)) claims.lists = payload.lists.filter((n) => Number.isInteger(n));
  if (typeof payload.source === "string") claims.source = payload.source;
  return { ok: true, claims };
}
