import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DatabaseUnavailableError, isDatabaseUnavailable, withDeadline } from "./deadline";

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

describe("withDeadline", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** How `work` ends under a wait of 400 ms, the clock run for 2 s. */
  async function settle(work: Parameters<typeof withDeadline<string>>[0]) {
    const outcome = withDeadline(work, 400).then(
      (value) => value,
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(2000);
    return outcome;
  }

  it("answers with the work's result when it ends in time", async () => {
    expect(await settle(async () => (await sleep(350), "saved"))).toBe("saved");
  });

  it("gives up on work that outlasts the wait", async () => {
    expect(await settle(async () => (await sleep(450), "saved"))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("does not count what the work runs off the clock, however long", async () => {
    const work = async (offTheClock: <T>(w: () => Promise<T>) => Promise<T>) => {
      await sleep(150);
      await offTheClock(() => sleep(1200));
      await sleep(150);
      return "saved";
    };
    expect(await settle(work)).toBe("saved");
    // The same work with the resizing on the clock is given up on.
    expect(await settle(async () => (await sleep(150), await sleep(1200), await sleep(150), "saved"))).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("resumes the wait where it stopped, rather than starting it again", async () => {
    const work = async (offTheClock: <T>(w: () => Promise<T>) => Promise<T>) => {
      await sleep(250);
      await offTheClock(() => sleep(50));
      await sleep(250);
      return "saved";
    };
    expect(await settle(work)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it("keeps the clock stopped while any of several pieces of work off it still runs", async () => {
    const work = async (offTheClock: <T>(w: () => Promise<T>) => Promise<T>) => {
      await Promise.all([offTheClock(() => sleep(300)), offTheClock(() => sleep(1000))]);
      await sleep(300);
      return "saved";
    };
    expect(await settle(work)).toBe("saved");
  });
});
