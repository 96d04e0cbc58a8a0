import { describe, expect, it } from "vitest";
import { banInput, moderateInput, wordLimits, wordListInput } from "./input";

const errorsOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe("moderation forms", () => {
  it("take one ticked comment or many, and ask for at least one and at most 200", () => {
    expect(moderateInput.parse({ ids: "7", decision: "approve" })).toEqual({ ids: [7], decision: "approve" });
    expect(moderateInput.parse({ ids: ["7", "8"], decision: "spam" })).toEqual({ ids: [7, 8], decision: "spam" });
    expect(errorsOf(moderateInput.safeParse({ ids: "", decision: "approve" }))).toEqual(["Select at least one comment"]);
    expect(errorsOf(moderateInput.safeParse({ decision: "approve" }))).toEqual(["Select at least one comment"]);
    expect(moderateInput.safeParse({ ids: Array.from({ length: 200 }, (_, i) => String(i + 1)), decision: "reject" }).success).toBe(true);
    expect(errorsOf(moderateInput.safeParse({ ids: Array.from({ length: 201 }, (_, i) => String(i + 1)), decision: "reject" }))).toEqual(["Select at most 200 comments at a time"]);
    expect(moderateInput.safeParse({ ids: "7", decision: "delete" }).success).toBe(false);
  });

  it("keep a ban's reason optional and short", () => {
    expect(banInput.parse({ commentId: "3" })).toEqual({ commentId: 3, reason: "" });
    expect(banInput.parse({ commentId: "3", reason: "  links  " })).toEqual({ commentId: 3, reason: "links" });
    expect(banInput.safeParse({ commentId: "3", reason: "x".repeat(300) }).success).toBe(true);
    expect(errorsOf(banInput.safeParse({ commentId: "3", reason: "x".repeat(301) }))).toEqual(["Please keep the reason under 300 characters"]);
  });

  it("read a word list one word or phrase a line, once each, within its limits", () => {
    expect(wordListInput.parse({ kind: "banned", words: " Casino \r\n\ncasino\nfree   money\n" })).toEqual({ kind: "banned", words: ["Casino", "free money"] });
    expect(wordListInput.parse({ kind: "suspect" })).toEqual({ kind: "suspect", words: [] });
    const long = "x".repeat(wordLimits.length);
    expect(wordListInput.safeParse({ kind: "banned", words: long }).success).toBe(true);
    expect(errorsOf(wordListInput.safeParse({ kind: "banned", words: `short\n${long}y` }))).toEqual([`Keep each word or phrase under ${wordLimits.length} characters`]);
    const many = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join("\n");
    expect(wordListInput.safeParse({ kind: "banned", words: many(wordLimits.count) }).success).toBe(true);
    expect(errorsOf(wordListInput.safeParse({ kind: "banned", words: many(wordLimits.count + 1) }))).toEqual([`At most ${wordLimits.count} words per list`]);
  });
});
