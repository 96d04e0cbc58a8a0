import { describe, expect, it } from "vitest";
import { commentHref, commentPageFor, commentPageHref, commentPermalink, threadsPerPage } from "./paging";

describe("comment paging", () => {
  it("puts the 50th thread on page 1 and the 51st on page 2", () => {
    expect(threadsPerPage).toBe(50);
    expect(commentPageFor(0)).toBe(1);
    expect(commentPageFor(49)).toBe(1);
    expect(commentPageFor(50)).toBe(2);
    expect(commentPageFor(99)).toBe(2);
    expect(commentPageFor(100)).toBe(3);
  });

  it("addresses page 1 as the article itself and later pages under it", () => {
    const a = { section: "world", slug: "a-story" };
    expect(commentPageHref(a, 1)).toBe("/world/a-story");
    expect(commentPageHref(a, 2)).toBe("/world/a-story/comments/2");
    expect(commentHref(a, 1, 7)).toBe("/world/a-story#comment-7");
    expect(commentHref(a, 3, 7)).toBe("/world/a-story/comments/3#comment-7");
    expect(commentPermalink(a, 7)).toBe("/world/a-story/comment/7");
  });
});
