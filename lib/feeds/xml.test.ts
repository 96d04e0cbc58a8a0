import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { escapeXml, languageOf, newsSitemap, rfc822, rss, sitemap } from "./xml";

const parser = new XMLParser({ ignoreAttributes: false });

describe("escapeXml", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\u0000\u0008\ud800`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;\ufffd");
  });
});

it("formats RFC 822 dates and language codes", () => {
  expect(rfc822("2026-05-05T09:30:00.000Z")).toBe("Tue, 05 May 2026 09:30:00 GMT");
  expect(languageOf("en-US")).toBe("en");
  expect(languageOf("zh-TW")).toBe("zh-tw");
});

it("builds valid RSS 2.0 from hostile text", () => {
  const xml = rss({
    title: "Gazette & Co",
    description: "News <b>now</b>",
    link: "https://news.example.com/",
    self: "https://news.example.com/feed.xml",
    language: "en-us",
    siteUrl: "https://news.example.com",
    items: [
      {
        id: 7,
        url: "https://news.example.com/world/a-b",
        title: "]]> <script>alert(1)</script> \u0001",
        description: "Standfirst & more",
        contentHtml: "<p>Body</p>",
        publishedAt: "2026-05-05T09:30:00.000Z",
        author: "Amara Okafor",
        categories: ["World", "Trade & Ports"],
      },
    ],
  });
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml);
  const item = doc.rss.channel.item;
  expect(doc.rss["@_version"]).toBe("2.0");
  expect(doc.rss.channel["atom:link"]["@_rel"]).toBe("self");
  // the text comes back as it was written, less the control character
  expect(item.title).toBe("]]> <script>alert(1)</script>");
  expect(item.guid["#text"]).toBe("https://news.example.com/#article-7");
  expect(item.category).toEqual(["World", "Trade & Ports"]);
  expect(item["dc:creator"]).toBe("Amara Okafor");
  expect(item).not.toHaveProperty("author");
});

it("builds sitemaps that validate", () => {
  expect(XMLValidator.validate(sitemap([{ loc: "https://x.test/a?b=1&c=2", lastmod: "2026-01-01T00:00:00.000Z" }]))).toBe(true);
  const news = newsSitemap([{ loc: "https://x.test/a", title: "A & B", publishedAt: "2026-01-01T00:00:00.000Z" }], { name: "Gazette", language: "en" });
  expect(XMLValidator.validate(news)).toBe(true);
  expect(parser.parse(news).urlset.url["news:news"]["news:publication"]).toEqual({ "news:name": "Gazette", "news:language": "en" });
});
