import { describe, expect, it } from "vitest";
import { openGraphLocale, twitterSite } from "./share";

describe("share cards", () => {
  it("writes locales as Open Graph wants them", () => {
    expect(openGraphLocale("en-US")).toBe("en_US");
    expect(openGraphLocale("pt-br")).toBe("pt_BR");
    expect(openGraphLocale("fr")).toBe("fr");
  });

  it("names the X account, with one @, only when the site shows one", () => {
    expect(twitterSite([{ network: "mastodon", handle: "@news@social.example" }, { network: "x", handle: "@gazette" }])).toBe("@gazette");
    expect(twitterSite([{ network: "x", handle: "gazette" }])).toBe("@gazette");
    expect(twitterSite([{ network: "bluesky", handle: "gazette.bsky.social" }])).toBeUndefined();
    expect(twitterSite([{ network: "x", handle: "  " }])).toBeUndefined();
  });
});
