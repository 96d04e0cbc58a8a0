import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, verifyPassword } from "./password";

describe("password hashes", () => {
  it("are scrypt with N = 2^15, r = 8, p = 1, a 16-byte salt and a 32-byte key, salted afresh each time", async () => {
    const stored = await hashPassword("correct horse battery staple");
    const [scheme, n, r, p, salt, key] = stored.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt!, "base64")).toHaveLength(16);
    expect(Buffer.from(key!, "base64")).toHaveLength(32);
    expect(await hashPassword("correct horse battery staple")).not.toBe(stored);
  });

  it("accept the password they were made from, in either Unicode normal form, and nothing else", async () => {
    const stored = await hashPassword("café au lait");
    expect(await verifyPassword("café au lait", stored)).toBe(true);
    expect(await verifyPassword("cafe\u0301 au lait", stored)).toBe(true);
    expect(await verifyPassword("cafe au lait", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  // A stored value that is not a whole scrypt hash of ours is refused, even when its parts would
  // verify: a row written by something else (an import, a hand edit) is never a way in.
  it("refuse a stored value that is not a whole scrypt hash, without throwing", async () => {
    const password = "open sesame";
    const [, n, r, p, salt] = (await hashPassword(password)).split("$");
    const key = (s: Buffer) => scryptSync(password, s, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }).toString("base64");
    const good = key(Buffer.from(salt!, "base64"));
    const unsalted = key(Buffer.alloc(0));
    const malformed = [
      "",
      "not a hash",
      ["bcrypt", n, r, p, salt, good].join("$"),
      ["", n, r, p, salt, good].join("$"),
      ["scrypt", "", r, p, salt, good].join("$"),
      ["scrypt", n, "", p, salt, good].join("$"),
      ["scrypt", n, r, "", salt, good].join("$"),
      ["scrypt", n, r, p, "", unsalted].join("$"),
      ["scrypt", n, r, p, salt, ""].join("$"),
      ["scrypt", n, r, p, salt].join("$"),
    ];
    expect(await verifyPassword(password, ["scrypt", n, r, p, salt, good].join("$"))).toBe(true);
    for (const stored of malformed) expect(await verifyPassword(password, stored), stored).toBe(false);
  });
});

describe("generated passwords", () => {
  it("are 20 characters by default, any length asked for, from letters and digits that cannot be misread", () => {
    const many = Array.from({ length: 200 }, () => generatePassword());
    for (const p of many) expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
    expect(new Set(many).size).toBe(200);
    expect(generatePassword(8)).toHaveLength(8);
    expect(generatePassword(64)).toHaveLength(64);
    // every letter of the alphabet turns up across 4,000 characters
    expect(new Set(many.join("")).size).toBe(55);
  });
});
