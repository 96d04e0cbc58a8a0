import { describe, expect, it } from "vitest";
import {
  articleInput,
  bodyImageInput,
  correctionInput,
  editorPageSize,
  intents,
  parseEditorFilters,
  parseTagNames,
  restoreInput,
  savedMessage,
  savedMessages,
} from "./input";

// The newsroom's article forms and filters at their edges. Pure: no database.

const valid = { title: "Council votes", sectionId: "2", authorId: "3", commentMode: "moderated" };

function errorsOf(change: Record<string, unknown>) {
  const result = articleInput.safeParse({ ...valid, ...change });
  return result.success ? {} : result.error.flatten().fieldErrors;
}

describe("articleInput", () => {
  it("reads a new article with every optional field left empty", () => {
    expect(articleInput.parse({ ...valid, title: "  Council votes  " })).toEqual({
      id: null,
      version: null,
      title: "Council votes",
      slug: null,
      standfirst: "",
      body: "",
      sectionId: 2,
      authorId: 3,
      tags: "",
      sourceName: null,
      sourceUrl: null,
      mustRead: false,
      commentMode: "moderated",
      heroImageAlt: null,
      heroImageCaption: null,
      heroImageCredit: null,
      removeHero: false,
      hero: null,
      scheduledAt: "",
    });
  });

  it("reads the id and the version of an article being edited, none from empty fields", () => {
    expect(articleInput.parse({ ...valid, id: "14", version: "0" })).toMatchObject({ id: 14, version: 0 });
    expect(articleInput.parse({ ...valid, id: "14", version: "3" })).toMatchObject({ id: 14, version: 3 });
    expect(articleInput.parse({ ...valid, id: "", version: "" })).toMatchObject({ id: null, version: null });
    for (const id of ["0", "-2", "1.5"]) expect(articleInput.safeParse({ ...valid, id }).success, id).toBe(false);
    for (const version of ["-1", "0.5", "v2"]) expect(articleInput.safeParse({ ...valid, version }).success, version).toBe(false);
  });

  it("wants a title of 1 to 200 characters and says so", () => {
    expect(errorsOf({ title: "   " }).title).toEqual(["Please give the article a title"]);
    expect(articleInput.parse({ ...valid, title: "t".repeat(200) }).title).toHaveLength(200);
    expect(errorsOf({ title: "t".repeat(201) }).title).toEqual(["Please keep the title under 200 characters"]);
  });

  it("takes a slug of lower-case words joined by single hyphens, up to 80 characters", () => {
    expect(articleInput.parse({ ...valid, slug: " city-budget-vote " }).slug).toBe("city-budget-vote");
    expect(articleInput.parse({ ...valid, slug: "" }).slug).toBeNull();
    expect(articleInput.parse({ ...valid, slug: "s".repeat(80) }).slug).toHaveLength(80);
    expect(errorsOf({ slug: "s".repeat(81) }).slug).toEqual(["Please keep the slug under 80 characters"]);
    for (const slug of ["City-Vote", "city--vote", "-city", "city vote", "ciudad-año"]) {
      expect(errorsOf({ slug }).slug, slug).toEqual(["Use lower-case letters, digits and single hyphens, such as city-budget-vote"]);
    }
  });

  it("bounds the standfirst, the body and the tags", () => {
    expect(articleInput.parse({ ...valid, standfirst: `  ${"s".repeat(600)}  ` }).standfirst).toHaveLength(600);
    expect(errorsOf({ standfirst: "s".repeat(601) }).standfirst).toEqual(["Please keep the standfirst under 600 characters"]);
    // The body is Markdown: its spaces are kept as typed.
    expect(articleInput.parse({ ...valid, body: "  indented\n" }).body).toBe("  indented\n");
    expect(articleInput.parse({ ...valid, body: "b".repeat(200_000) }).body).toHaveLength(200_000);
    expect(errorsOf({ body: "b".repeat(200_001) }).body).toEqual(["The body is too long"]);
    expect(articleInput.parse({ ...valid, tags: "t".repeat(1000) }).tags).toHaveLength(1000);
    expect(articleInput.safeParse({ ...valid, tags: "t".repeat(1001) }).success).toBe(false);
  });

  it("needs a section and an author, and names which is missing", () => {
    expect(errorsOf({ sectionId: "0" }).sectionId).toEqual(["Please choose a section"]);
    expect(errorsOf({ authorId: "0" }).authorId).toEqual(["Please choose an author"]);
    expect(errorsOf({ sectionId: "0", authorId: "0" })).toMatchObject({ sectionId: ["Please choose a section"], authorId: ["Please choose an author"] });
  });

  it("takes a source, its address over http or https only", () => {
    expect(articleInput.parse({ ...valid, sourceName: " Reuters ", sourceUrl: " https://reuters.example/a " })).toMatchObject({
      sourceName: "Reuters",
      sourceUrl: "https://reuters.example/a",
    });
    expect(articleInput.parse({ ...valid, sourceName: "  ", sourceUrl: "" })).toMatchObject({ sourceName: null, sourceUrl: null });
    expect(articleInput.safeParse({ ...valid, sourceName: "n".repeat(200) }).success).toBe(true);
    expect(articleInput.safeParse({ ...valid, sourceName: "n".repeat(201) }).success).toBe(false);
    for (const sourceUrl of ["javascript:alert(1)", "ftp://files.example", "reuters.example"]) {
      expect(errorsOf({ sourceUrl }).sourceUrl, sourceUrl).toEqual(["Please enter a web address starting with http:// or https://"]);
    }
    expect(articleInput.safeParse({ ...valid, sourceUrl: `https://a.example/${"p".repeat(2000)}` }).success).toBe(false);
  });

  it("reads the must-read and remove-hero boxes as ticked only when sent ticked", () => {
    expect(articleInput.parse({ ...valid, mustRead: "on" }).mustRead).toBe(true);
    expect(articleInput.parse({ ...valid, mustRead: "true" }).mustRead).toBe(true);
    expect(articleInput.parse({ ...valid, mustRead: true }).mustRead).toBe(true);
    for (const mustRead of ["", "off", "false", "1", undefined]) expect(articleInput.parse({ ...valid, mustRead }).mustRead, String(mustRead)).toBe(false);
    expect(articleInput.parse({ ...valid, removeHero: "on" }).removeHero).toBe(true);
    expect(articleInput.parse({ ...valid, removeHero: "true" }).removeHero).toBe(true);
    for (const removeHero of ["", "off", "1"]) expect(articleInput.parse({ ...valid, removeHero }).removeHero, removeHero).toBe(false);
  });

  it("takes the three comment modes and nothing else", () => {
    for (const commentMode of ["open", "moderated", "closed"]) expect(articleInput.parse({ ...valid, commentMode }).commentMode).toBe(commentMode);
    expect(errorsOf({ commentMode: "anything" }).commentMode).toEqual(["Please choose how comments work"]);
  });

  it("bounds the hero image's words, and keeps only a file with something in it", () => {
    expect(articleInput.parse({ ...valid, heroImageAlt: " A bridge ", heroImageCaption: " At dusk ", heroImageCredit: " Staff " })).toMatchObject({
      heroImageAlt: "A bridge",
      heroImageCaption: "At dusk",
      heroImageCredit: "Staff",
    });
    expect(articleInput.safeParse({ ...valid, heroImageAlt: "a".repeat(300) }).success).toBe(true);
    expect(articleInput.safeParse({ ...valid, heroImageAlt: "a".repeat(301) }).success).toBe(false);
    expect(articleInput.safeParse({ ...valid, heroImageCaption: "c".repeat(500) }).success).toBe(true);
    expect(articleInput.safeParse({ ...valid, heroImageCaption: "c".repeat(501) }).success).toBe(false);
    expect(articleInput.safeParse({ ...valid, heroImageCredit: "c".repeat(200) }).success).toBe(true);
    expect(articleInput.safeParse({ ...valid, heroImageCredit: "c".repeat(201) }).success).toBe(false);
    const photo = new File([new Uint8Array([1, 2, 3])], "bridge.jpg", { type: "image/jpeg" });
    expect(articleInput.parse({ ...valid, hero: photo }).hero).toBe(photo);
    expect(articleInput.parse({ ...valid, hero: new File([], "") }).hero).toBeNull();
    expect(articleInput.safeParse({ ...valid, hero: "bridge.jpg" }).success).toBe(false);
  });

  it("keeps the scheduled time as typed, trimmed, up to 40 characters", () => {
    expect(articleInput.parse({ ...valid, scheduledAt: " 2026-12-24T09:00 " }).scheduledAt).toBe("2026-12-24T09:00");
    expect(articleInput.safeParse({ ...valid, scheduledAt: "x".repeat(40) }).success).toBe(true);
    expect(articleInput.safeParse({ ...valid, scheduledAt: "x".repeat(41) }).success).toBe(false);
  });
});

describe("the editor's buttons", () => {
  it("has five, each with what it says once saved", () => {
    expect(intents).toEqual(["draft", "review", "publish", "schedule", "unpublish"]);
    for (const intent of intents) expect(savedMessage(intent)).toBe(savedMessages[intent]);
    expect(savedMessage("publish")).toBe("Published.");
  });

  it("says nothing for an address naming no button", () => {
    for (const intent of [undefined, "", "delete", "toString", "constructor"]) expect(savedMessage(intent), String(intent)).toBeUndefined();
  });
});

describe("parseTagNames", () => {
  it("trims, folds inner spaces, and keeps the first spelling of each slug", () => {
    expect(parseTagNames(" Climate,  climate , Data   Privacy,,Ørsted ")).toEqual([
      { slug: "climate", name: "Climate" },
      { slug: "data-privacy", name: "Data Privacy" },
      { slug: "orsted", name: "Ørsted" },
    ]);
  });

  it("drops names with nothing to slug, and keeps 20 at most", () => {
    expect(parseTagNames("  , !!! , -- ")).toEqual([]);
    const many = Array.from({ length: 25 }, (_, i) => `Tag ${i + 1}`).join(",");
    const parsed = parseTagNames(many);
    expect(parsed).toHaveLength(20);
    expect(parsed[0]).toEqual({ slug: "tag-1", name: "Tag 1" });
    expect(parsed[19]).toEqual({ slug: "tag-20", name: "Tag 20" });
  });

  it("cuts a name to 60 characters", () => {
    const [tag] = parseTagNames("n".repeat(70));
    expect(tag!.name).toBe("n".repeat(60));
    expect(tag!.slug).toBe("n".repeat(60));
  });
});

describe("the other article forms", () => {
  it("wants a correction of 5 to 2,000 characters", () => {
    expect(correctionInput.parse({ articleId: "4", body: "  Fixed a name.  " })).toEqual({ articleId: 4, body: "Fixed a name." });
    expect(correctionInput.safeParse({ articleId: "4", body: " abcd " }).error?.flatten().fieldErrors.body).toEqual(["Please describe the correction"]);
    expect(correctionInput.safeParse({ articleId: "4", body: "abcde" }).success).toBe(true);
    expect(correctionInput.safeParse({ articleId: "4", body: "c".repeat(2000) }).success).toBe(true);
    expect(correctionInput.safeParse({ articleId: "4", body: "c".repeat(2001) }).error?.flatten().fieldErrors.body).toEqual([
      "Please keep the correction under 2,000 characters",
    ]);
    expect(correctionInput.safeParse({ articleId: "0", body: "Fixed a name." }).success).toBe(false);
  });

  it("restores a revision of an article at a version", () => {
    expect(restoreInput.parse({ articleId: "4", revisionId: "9", version: "2" })).toEqual({ articleId: 4, revisionId: 9, version: 2 });
    expect(restoreInput.safeParse({ articleId: "4", revisionId: "0", version: "2" }).success).toBe(false);
    expect(restoreInput.safeParse({ articleId: "4", revisionId: "9", version: "2.5" }).success).toBe(false);
  });

  it("adds a body image only to a saved draft", () => {
    const image = new File([new Uint8Array([1])], "a.png", { type: "image/png" });
    expect(bodyImageInput.parse({ articleId: "4", image })).toEqual({ articleId: 4, image });
    expect(bodyImageInput.safeParse({ articleId: "", image }).error?.flatten().fieldErrors.articleId).toEqual(["Save the draft before adding images"]);
    expect(bodyImageInput.safeParse({ articleId: "4" }).error?.flatten().fieldErrors.image).toEqual(["Please choose an image"]);
  });
});

describe("parseEditorFilters", () => {
  it("reads a status, a section, an author, a search and a page", () => {
    expect(parseEditorFilters({ status: "draft", section: "2", author: "5", q: "  budget  ", page: "3" })).toEqual({
      status: "draft",
      section: 2,
      author: 5,
      q: "budget",
      page: 3,
    });
    expect(parseEditorFilters({})).toEqual({ status: undefined, section: undefined, author: undefined, q: undefined, page: 1 });
  });

  it("ignores what is not one of them", () => {
    const filters = parseEditorFilters({ status: "deleted", section: "0", author: "-1", q: "   ", page: "1.5" });
    expect(filters).toEqual({ status: undefined, section: undefined, author: undefined, q: undefined, page: 1 });
    expect(parseEditorFilters({ section: "999999999" }).section).toBe(999_999_999);
    expect(parseEditorFilters({ section: "1000000000" }).section).toBeUndefined();
    expect(parseEditorFilters({ section: "abc" }).section).toBeUndefined();
    // A repeated parameter arrives as a list: none of them is taken.
    expect(parseEditorFilters({ status: ["draft", "published"], page: ["2", "3"] })).toMatchObject({ status: undefined, page: 1 });
    expect(parseEditorFilters({ status: ["draft"], section: ["5"], author: ["6"], q: ["budget"], page: ["2"] })).toEqual({
      status: undefined,
      section: undefined,
      author: undefined,
      q: undefined,
      page: 1,
    });
  });

  it("drops NUL bytes from a search, which PostgreSQL refuses in any text", () => {
    expect(parseEditorFilters({ q: "budget\u0000 vote" }).q).toBe("budget vote");
    expect(parseEditorFilters({ q: " \u0000 " }).q).toBeUndefined();
  });

  it("cuts a search to 200 characters and caps the page", () => {
    expect(parseEditorFilters({ q: `  ${"q".repeat(250)}` }).q).toBe("q".repeat(200));
    expect(parseEditorFilters({ page: "100000" }).page).toBe(100_000);
    expect(parseEditorFilters({ page: "100001" }).page).toBe(100_000);
    expect(parseEditorFilters({ page: "999999999" }).page).toBe(100_000);
    expect(editorPageSize).toBe(25);
  });
});
