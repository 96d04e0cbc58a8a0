import { describe, expect, it } from "vitest";
import { commentInput, commentMessages, reportInput, reportMessages, stripControls } from "./input";

// The reader's comment and report forms: what each field accepts at its edges and what it
// says back. Pure: no database, so these run in milliseconds.

const valid = { articleId: "7", body: "A fair point.", name: "Ann Reader", email: "ann@example.com" };

function errorsOf(change: Record<string, unknown>) {
  const result = commentInput.safeParse({ ...valid, ...change });
  return result.success ? {} : result.error.flatten().fieldErrors;
}

describe("commentInput", () => {
  it("takes a plain comment, trimmed, with everything optional left empty", () => {
    expect(commentInput.parse({ ...valid, body: "  A fair point.  ", name: " Ann Reader ", email: " ann@example.com " })).toEqual({
      articleId: 7,
      parentId: null,
      body: "A fair point.",
      name: "Ann Reader",
      email: "ann@example.com",
      website: null,
      idempotencyKey: undefined,
      commenterKey: undefined,
      notifyReplies: false,
      subject: null,
      elapsed: undefined,
    });
  });

  it("needs an article, a positive whole number", () => {
    for (const articleId of ["0", "-3", "2.5", "x", ""]) expect(commentInput.safeParse({ ...valid, articleId }).success, articleId).toBe(false);
    expect(commentInput.parse({ ...valid, articleId: "12" }).articleId).toBe(12);
  });

  it("reads a reply's parent, and none from an empty or missing field", () => {
    expect(commentInput.parse({ ...valid, parentId: "41" }).parentId).toBe(41);
    expect(commentInput.parse({ ...valid, parentId: "" }).parentId).toBeNull();
    expect(commentInput.parse(valid).parentId).toBeNull();
    for (const parentId of ["0", "-1", "1.5", "abc"]) expect(commentInput.safeParse({ ...valid, parentId }).success, parentId).toBe(false);
  });

  it("wants a body of 2 to 5,000 characters after trimming, and says so", () => {
    expect(errorsOf({ body: " x " }).body).toEqual([commentMessages.body]);
    expect(errorsOf({ body: "" }).body).toEqual([commentMessages.body]);
    expect(commentInput.parse({ ...valid, body: "ok" }).body).toBe("ok");
    expect(commentInput.parse({ ...valid, body: "x".repeat(5000) }).body).toHaveLength(5000);
    expect(errorsOf({ body: "x".repeat(5001) }).body).toEqual(["Please keep your comment under 5,000 characters"]);
  });

  it("wants a name of 1 to 80 characters after trimming", () => {
    expect(errorsOf({ name: "   " }).name).toEqual([commentMessages.name]);
    expect(commentInput.parse({ ...valid, name: "A" }).name).toBe("A");
    expect(commentInput.parse({ ...valid, name: "n".repeat(80) }).name).toHaveLength(80);
    expect(errorsOf({ name: "n".repeat(81) }).name).toEqual(["Please keep your name under 80 characters"]);
  });

  it("wants an email address of at most 254 characters", () => {
    for (const email of ["", "ann", "ann@", "@example.com", "ann example@example.com"]) {
      expect(errorsOf({ email }).email, email).toEqual([commentMessages.email]);
    }
    const longest = `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}.com`;
    expect(longest).toHaveLength(254);
    expect(commentInput.safeParse({ ...valid, email: longest }).success).toBe(true);
    expect(errorsOf({ email: `a${longest}` }).email).toContain(commentMessages.email);
  });

  it("takes a website over http or https only, and none when left empty", () => {
    expect(commentInput.parse({ ...valid, website: " https://ann.example/blog " }).website).toBe("https://ann.example/blog");
    expect(commentInput.parse({ ...valid, website: "http://ann.example" }).website).toBe("http://ann.example");
    expect(commentInput.parse({ ...valid, website: "" }).website).toBeNull();
    expect(commentInput.parse({ ...valid, website: "   " }).website).toBeNull();
    for (const website of ["javascript:alert(1)", "ftp://ann.example", "ann.example", "data:text/html,hi"]) {
      expect(errorsOf({ website }).website, website).toEqual([commentMessages.website]);
    }
    expect(errorsOf({ website: `https://ann.example/${"p".repeat(2000)}` }).website).toEqual([commentMessages.website]);
    const longest = `https://ann.example/${"p".repeat(2000 - "https://ann.example/".length)}`;
    expect(commentInput.parse({ ...valid, website: longest }).website).toBe(longest);
  });

  it("keeps a well-formed idempotency key of 16 to 64 characters and drops any other", () => {
    expect(commentInput.parse({ ...valid, idempotencyKey: "a".repeat(16) }).idempotencyKey).toBe("a".repeat(16));
    expect(commentInput.parse({ ...valid, idempotencyKey: "Az09_-".repeat(10) }).idempotencyKey).toBe("Az09_-".repeat(10));
    expect(commentInput.parse({ ...valid, idempotencyKey: "k".repeat(64) }).idempotencyKey).toBe("k".repeat(64));
    for (const idempotencyKey of ["a".repeat(15), "a".repeat(65), `${"a".repeat(20)}!`, `x${"a".repeat(20)}\n`, 12345678901234567890]) {
      expect(commentInput.parse({ ...valid, idempotencyKey }).idempotencyKey, String(idempotencyKey)).toBeUndefined();
    }
  });

  it("keeps a well-formed commenter key of 22 to 64 characters and drops any other", () => {
    expect(commentInput.parse({ ...valid, commenterKey: "c".repeat(22) }).commenterKey).toBe("c".repeat(22));
    expect(commentInput.parse({ ...valid, commenterKey: "c".repeat(64) }).commenterKey).toBe("c".repeat(64));
    for (const commenterKey of ["c".repeat(21), "c".repeat(65), `${"c".repeat(30)} `, `.${"c".repeat(30)}`]) {
      expect(commentInput.parse({ ...valid, commenterKey }).commenterKey, commenterKey).toBeUndefined();
    }
  });

  it("opts in to reply alerts only with a ticked box", () => {
    expect(commentInput.parse({ ...valid, notifyReplies: "1" }).notifyReplies).toBe(true);
    for (const notifyReplies of [undefined, "", "0", "on", "true", 1]) {
      expect(commentInput.parse({ ...valid, notifyReplies }).notifyReplies, String(notifyReplies)).toBe(false);
    }
  });

  it("keeps what a script typed into the honeypot, trimmed to 200 characters", () => {
    expect(commentInput.parse({ ...valid, subject: "  cheap pills  " }).subject).toBe("cheap pills");
    expect(commentInput.parse({ ...valid, subject: `  ${"s".repeat(300)}` }).subject).toBe("s".repeat(200));
    expect(commentInput.parse({ ...valid, subject: "   " }).subject).toBeNull();
    expect(commentInput.parse({ ...valid, subject: "" }).subject).toBeNull();
  });

  it("reads the time the form was open, and nothing from a value out of range", () => {
    expect(commentInput.parse({ ...valid, elapsed: "0" }).elapsed).toBe(0);
    expect(commentInput.parse({ ...valid, elapsed: "2147483647" }).elapsed).toBe(2_147_483_647);
    for (const elapsed of ["", "-1", "2147483648", "1.5", "soon"]) {
      expect(commentInput.parse({ ...valid, elapsed }).elapsed, elapsed).toBeUndefined();
    }
  });
});

describe("stripControls", () => {
  it("keeps line breaks as LF and tabs, and drops every other control byte", () => {
    expect(stripControls("one\r\ntwo\rthree\nfour")).toBe("one\ntwo\nthree\nfour");
    expect(stripControls("a\tb")).toBe("a\tb");
    expect(stripControls("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u000Eg\u001Fh\u007Fi")).toBe("abcdefghi");
    expect(stripControls("\u0000\u0000x\u0000\u0000")).toBe("x");
    expect(stripControls("café – ünïcode ✓")).toBe("café – ünïcode ✓");
    expect(stripControls(" ~\u0080")).toBe(" ~\u0080");
  });
});

describe("reportInput", () => {
  it("takes a comment, a reason from the list and an optional note", () => {
    expect(reportInput.parse({ commentId: "9", reason: "spam" })).toEqual({ commentId: 9, reason: "spam", note: "" });
    expect(reportInput.parse({ commentId: "9", reason: "abuse", note: " line\r\nnext\u0007 " })).toEqual({ commentId: 9, reason: "abuse", note: "line\nnext" });
  });

  it("refuses a comment id out of range and a reason not on the list, saying which", () => {
    for (const commentId of ["0", "-1", "2147483648", "x"]) expect(reportInput.safeParse({ commentId, reason: "spam" }).success, commentId).toBe(false);
    expect(reportInput.parse({ commentId: "2147483647", reason: "spam" }).commentId).toBe(2_147_483_647);
    const result = reportInput.safeParse({ commentId: "9", reason: "boring" });
    expect(result.success).toBe(false);
    expect(result.error?.flatten().fieldErrors.reason).toEqual([reportMessages.reason]);
  });

  it("keeps a note of 500 characters and refuses a longer one", () => {
    expect(reportInput.parse({ commentId: "9", reason: "spam", note: "n".repeat(500) }).note).toHaveLength(500);
    const result = reportInput.safeParse({ commentId: "9", reason: "spam", note: "n".repeat(501) });
    expect(result.error?.flatten().fieldErrors.note).toEqual([reportMessages.note]);
    // Control bytes and surrounding space do not count against the length.
    expect(reportInput.parse({ commentId: "9", reason: "spam", note: ` ${"n".repeat(500)}\u0000\u0000 ` }).note).toHaveLength(500);
  });
});
