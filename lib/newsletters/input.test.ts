import { describe, expect, it } from "vitest";
import { parseEmailsCsv, splitCsvLine } from "./actions";
import { subscribeInput } from "./input";

describe("subscribeInput", () => {
  it("lower-cases the address and reads the ticked lists", () => {
    expect(subscribeInput.parse({ email: " Ana@Example.COM ", lists: ["2", "1", "2"], source: "article:12" })).toEqual({ email: "ana@example.com", lists: [2, 1], source: "article:12" });
  });

  it("says what to fix", () => {
    const result = subscribeInput.safeParse({ email: "nope", lists: undefined, source: "home" });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(["email: Please enter a valid email address", "lists: Please choose at least one newsletter"]);
  });

  it("an unknown form name is recorded as the home page's, not stored as sent", () => {
    expect(subscribeInput.parse({ email: "a@example.com", lists: "1", source: "<script>" }).source).toBe("home");
  });
});

describe("parseEmailsCsv", () => {
  it("uses the column headed email, drops duplicates, counts bad rows", () => {
    const csv = 'name,Email\r\nAna,ana@example.com\r\n"Bo, Jr",BO@example.com\r\nX,not-an-address\r\nAna again,ana@example.com\r\n';
    expect(parseEmailsCsv(csv)).toEqual({ emails: ["ana@example.com", "bo@example.com"], invalid: 1 });
  });

  it("without a header, the first column", () => {
    expect(parseEmailsCsv("a@example.com\nb@example.com,extra\n")).toEqual({ emails: ["a@example.com", "b@example.com"], invalid: 0 });
  });
});

describe("splitCsvLine", () => {
  it("keeps commas and doubled quotes inside quoted cells", () => {
    expect(splitCsvLine('"Ruiz, Ana","say ""hi""",ana@example.com')).toEqual(["Ruiz, Ana", 'say "hi"', "ana@example.com"]);
  });
});
