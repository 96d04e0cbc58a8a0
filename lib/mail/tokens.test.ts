import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "./tokens";

const secret = "s".repeat(40);
const now = new Date("2026-12-01T12:00:00Z");

describe("mail tokens", () => {
  it("round-trips the claims for the purpose it was made for", () => {
    const token = signToken(secret, "confirm", { sub: 7, email: "Reader@Example.com", lists: [1, 3], source: "article:4" }, now);
    expect(verifyToken(secret, "confirm", token, now)).toEqual({
      ok: true,
      claims: { sub: 7, email: "reader@example.com", lists: [1, 3], source: "article:4" },
    });
  });

  it("refuses a token made for another purpose", () => {
    const token = signToken(secret, "manage", { sub: 7, email: "a@example.com" }, now);
    expect(verifyToken(secret, "unsubscribe", token, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a reply alert's tokens open nothing of the newsletters, nor each other", () => {
    const stop = signToken(secret, "reply-stop", { sub: 7, email: "a@example.com" }, now);
    expect(verifyToken(secret, "reply-stop", stop, now).ok).toBe(true);
    expect(verifyToken(secret, "unsubscribe", stop, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyToken(secret, "reply-confirm", stop, now)).toEqual({ ok: false, reason: "invalid" });
    const confirm = signToken(secret, "reply-confirm", { sub: 7, email: "a@example.com" }, now);
    expect(verifyToken(secret, "confirm", confirm, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a token signed with another secret", () => {
    const token = signToken("t".repeat(40), "manage", { sub: 7, email: "a@example.com" }, now);
    expect(verifyToken(secret, "manage", token, now)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a payload changed after signing", () => {
    const token = signToken(secret, "manage", { sub: 7, email: "a@example.com" }, now);
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: 8, email: "a@example.com", p: "manage", exp: 9e9 })).toString("base64url");
    expect(verifyToken(secret, "manage", `${forged}.${signature}`, now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyToken(secret, "manage", `${token}x`, now).ok).toBe(false);
    expect(verifyToken(secret, "manage", "garbage", now).ok).toBe(false);
  });

  it("expires: valid until its lifetime has passed, not a second longer", () => {
    const token = signToken(secret, "confirm", { sub: 1, email: "a@example.com" }, now, 3600);
    expect(verifyToken(secret, "confirm", token, new Date(now.getTime() + 3599_000)).ok).toBe(true);
    expect(verifyToken(secret, "confirm", token, new Date(now.getTime() + 3600_000))).toEqual({ ok: false, reason: "expired" });
  });
});
