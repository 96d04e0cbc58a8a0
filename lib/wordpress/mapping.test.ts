import { describe, expect, it } from "vitest";
import { articleStatusFor, commentStatusFor, flattenComments, pageStatusFor, placementFor, slugFor, termSlug, wpDate } from "./mapping";
import type { WxrComment } from "./wxr";

const comment = (id: string, parent = "0", extra: Partial<WxrComment> = {}): WxrComment => ({
  id, parent, author: `A${id}`, authorEmail: "", authorUrl: "", authorIp: "", date: "", dateGmt: `2024-01-01 00:00:${id.padStart(2, "0")}`, content: "", approved: "1", type: "comment", userId: "0", ...extra,
});

describe("WordPress mapping", () => {
  it("reads WordPress dates, falling back from a zero GMT date to the local one", () => {
    expect(wpDate("2024-03-01 09:30:00")?.toISOString()).toBe("2024-03-01T09:30:00.000Z");
    expect(wpDate("0000-00-00 00:00:00", "2024-03-01 10:00:00")?.toISOString()).toBe("2024-03-01T10:00:00.000Z");
    expect(wpDate("0000-00-00 00:00:00", "0000-00-00 00:00:00")).toBeNull();
  });

  it.each([
    ["publish", "", "published"], ["future", "", "scheduled"], ["draft", "", "draft"], ["pending", "", "review"],
    ["private", "", "draft"], ["publish", "secret", "draft"], ["future", "secret", "draft"],
  ] as const)("maps a %s post (password %j) to %s", (status, password, expected) => {
    const outcome = articleStatusFor({ status, password });
    expect(outcome.import && outcome.status).toBe(expected);
  });

  it("skips trash, auto-drafts and revisions; pages are published or drafts", () => {
    for (const status of ["trash", "auto-draft", "inherit"]) expect(articleStatusFor({ status, password: "" }).import).toBe(false);
    expect(pageStatusFor({ status: "future", password: "" })).toMatchObject({ import: true, status: "draft" });
    expect(pageStatusFor({ status: "publish", password: "x" })).toMatchObject({ import: true, status: "draft" });
  });

  it("maps comment approval values", () => {
    expect(["1", "0", "spam", "trash", "post-trashed"].map(commentStatusFor)).toEqual(["approved", "pending", "spam", null, null]);
  });

  it("makes ASCII slugs from percent-encoded non-Latin slugs, titles or ids", () => {
    expect(slugFor("%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8", "", "post-1")).toBe("novosti");
    expect(slugFor("caf%c3%a9-cr%c3%a8me", "", "post-1")).toBe("cafe-creme");
    expect(slugFor("", "Ελλάδα σήμερα", "post-1")).toBe("ellada-simera");
    expect(slugFor("%e6%97%a5%e6%9c%ac", "日本", "post-7")).toBe("post-7");
    expect(termSlug("%e6%97%a5%e6%9c%ac", "日本")).toMatch(/^t-[a-z0-9x-]{8}$/);
  });

  it("flattens deep threads under the top-level ancestor, oldest first, keeping whom each answered", () => {
    const thread = ["1", "2", "3", "4"].map((id, i) => comment(id, i === 0 ? "0" : String(i)));
    const { comments, skipped } = flattenComments([comment("9", "1", { type: "pingback" }), ...thread.reverse(), comment("5", "9"), comment("6", "0", { approved: "trash" }), comment("7", "6")]);
    expect(comments.map((c) => [c.comment.id, c.topId, c.answeredId])).toEqual([
      ["1", null, null], ["2", "1", null], ["3", "1", "2"], ["4", "1", "3"],
      ["5", "1", null], // answered a pingback: it climbs to the pingback's parent
      ["7", null, null], // its parent is in the trash: it stands alone
    ]);
    expect(skipped).toEqual({ pingbacks: 1, "trashed comments": 1 });
  });

  it("places a post by its first category, or by the section map with unmapped categories as tags", () => {
    const terms = [
      { domain: "category", nicename: "politics", name: "Politics" },
      { domain: "category", nicename: "local", name: "Local" },
      { domain: "post_tag", nicename: "council", name: "Council" },
      { domain: "post_format", nicename: "post-format-video", name: "Video" },
    ];
    expect(placementFor(terms, undefined)).toEqual({
      section: { categorySlug: "politics", name: "Politics", mapped: false },
      tags: [{ slug: "local", name: "Local" }, { slug: "council", name: "Council" }],
    });
    expect(placementFor(terms, { local: "city" })).toEqual({
      section: { categorySlug: "city", name: "Local", mapped: true },
      tags: [{ slug: "politics", name: "Politics" }, { slug: "council", name: "Council" }],
    });
    expect(placementFor([{ domain: "category", nicename: "", name: "Old News" }, { domain: "category", nicename: "old-news", name: "Old News" }], undefined)).toEqual({
      section: { categorySlug: "old-news", name: "Old News", mapped: false },
      tags: [],
    });
    expect(placementFor(terms, { sport: "sport", "*": "news" }).section).toEqual({ categorySlug: "news", name: "news", mapped: true });
  });
});
