import { beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "@/test/databases";
import { checkCredentials } from "./credentials";

// Written against what a person signing in sees, not the throttle's internals: however the
// throttle counts, a successful sign-in must start the count of failures again.
const password = "the-right-password";

describeEachDatabase("a successful sign-in", (database) => {
  const db = () => database().primary;
  let failuresAllowed = 0;

  beforeAll(async () => {
    // Learn how many failures the throttle allows before it pauses an email and address.
    for (let attempt = 1; attempt <= 50; attempt++) {
      const outcome = await checkCredentials(db(), { email: "moderator@example.com", password: `wrong-${attempt}` }, "ip-learn");
      if (!outcome.ok && outcome.reason === "throttled") break;
      failuresAllowed = attempt;
    }
    const paused = await checkCredentials(db(), { email: "moderator@example.com", password }, "ip-learn");
    expect(paused).toMatchObject({ ok: false, reason: "throttled" });
    expect(failuresAllowed).toBeGreaterThan(1);
  });

  it("clears the failures before it, so earlier mistakes do not add up to a pause", async () => {
    const fail = async () => expect(await checkCredentials(db(), { email: "Writer@Example.com", password: "typo" }, "ip-clears")).toEqual({ ok: false, reason: "invalid" });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < failuresAllowed - 1; i++) await fail();
      expect(await checkCredentials(db(), { email: "writer@example.com", password }, "ip-clears")).toMatchObject({ ok: true, staff: { email: "writer@example.com" } });
    }
  });
}, { seed: { password } });
