import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("has working defaults for a newcomer", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.dataDir).toMatch(/\.data$/);
    expect(env.DATABASE_REPLICA_URLS).toEqual([]);
    // no proxy is assumed: a client's own X-Forwarded-For is not believed
    expect(env.TRUSTED_PROXIES).toBe(0);
    expect(env.SEED_DEMO).toBe("0");
  });

  it("never echoes a malformed replica URL, which carries a password", () => {
    const source = { DATABASE_URL: "postgres://a/db", DATABASE_REPLICA_URLS: "postgres://b/db, http://reader:s3cret-pw@replica/db" };
    expect(() => parseEnv(source)).toThrow(/DATABASE_REPLICA_URLS: entry 2 is not a postgres:\/\/ URL/);
    expect(() => parseEnv(source)).not.toThrow(/s3cret-pw/);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("splits replica URLs", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://a/db", DATABASE_REPLICA_URLS: "postgres://b/db, postgres://c/db" });
    expect(env.DATABASE_REPLICA_URLS).toEqual(["postgres://b/db", "postgres://c/db"]);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "mysql://localhost/x" }],
    ["PORT", { PORT: "http" }],
    ["REDIS_URL", { REDIS_URL: "localhost:6379" }],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }],
    ["SITE_URL", { SITE_URL: "news.example.com" }],
    ["DATABASE_REPLICA_URLS", { DATABASE_REPLICA_URLS: "postgres://replica/db" }],
  ])("names %s when its value is wrong", (name, source) => {
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(new RegExp(`^Invalid configuration:\\n  ${name}: `));
  });
});
