import { describe, expect, it } from "vitest";
import { encodePath, normalizePath } from "./paths";

describe("redirect paths", () => {
  it("reduces an old address to one lookup form", () => {
    expect(normalizePath("https://old.example.org/2019/05/h%C3%A9llo/")).toBe("/2019/05/héllo");
    expect(normalizePath("/2019/05/h%c3%a9llo")).toBe("/2019/05/héllo");
    expect(normalizePath("/?p=12&utm_source=x")).toBe("/?p=12");
    expect(normalizePath("https://old.example.org/blog/?page_id=7")).toBe("/blog/?page_id=7");
    expect(normalizePath("/category/news/?utm=1")).toBe("/category/news");
    expect(normalizePath("/?attachment_id=40")).toBe("/?attachment_id=40");
    expect(normalizePath("/")).toBe("/");
    expect(normalizePath("/bad%E0%A4%A")).toBe("/bad%E0%A4%A");
    expect(normalizePath("/tag/%E2%80%AE%00")).toBe("");
  });

  it("encodes a stored path for the Location header", () => {
    expect(encodePath("/mir/новости")).toBe("/mir/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8");
    expect(encodePath("/?p=12")).toBe("/?p=12");
  });
});
