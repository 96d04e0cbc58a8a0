import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./deadline";

describe("isDatabaseUnavailable", () => {
  it("knows the deadline's error made by another bundle of the module, wrapped as drizzle wraps it", () => {
    // instrumentation.ts makes the database client in a bundle of its own: its class is not ours.
    class DatabaseUnavailableError extends Error {
      override name = "DatabaseUnavailableError";
    }
    const failedQuery = new Error("Failed query: select 1", { cause: new DatabaseUnavailableError("the database did not answer within 1500 ms") });
    expect(isDatabaseUnavailable(failedQuery)).toBe(true);
  });

  it("does not take a programming error for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: new TypeError("x is undefined") }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });
});
