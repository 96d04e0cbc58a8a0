import { describe, expect, it } from "vitest";
import { classifyError, pacer } from "./transport";

describe("classifyError", () => {
  it("a 5xx from the relay is permanent, with the relay's words", () => {
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected"), {
      responseCode: 550,
      response: "550 5.1.1 No such user",
      rejectedErrors: [Object.assign(new Error("Recipient command failed"), { responseCode: 550, response: "550 5.1.1 No such user" })],
    });
    expect(classifyError(error)).toEqual({ permanent: true, response: "550 5.1.1 No such user" });
  });

  it("a 4xx or a dropped connection is worth another try", () => {
    expect(classifyError(Object.assign(new Error("x"), { responseCode: 451, response: "451 4.7.1 Try later" })).permanent).toBe(false);
    expect(classifyError(Object.assign(new Error("Connection closed"), { code: "ECONNECTION" }))).toEqual({ permanent: false, response: "Connection closed" });
  });
});

describe("pacer", () => {
  it("starts no more than the rate allows: 20 a second spaces 5 starts at least 200 ms apart in all", async () => {
    const wait = pacer(20);
    const started = performance.now();
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 5 }, async () => {
      await wait();
      starts.push(performance.now() - started);
    }));
    starts.sort((a, b) => a - b);
    expect(starts[4]! - starts[0]!).toBeGreaterThanOrEqual(195);
  });

  it("0 means no limit", async () => {
    const wait = pacer(0);
    await Promise.all(Array.from({ length: 100 }, () => wait()));
  });
});
