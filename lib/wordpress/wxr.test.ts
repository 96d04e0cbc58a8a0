import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { generateExport } from "@/bench/wordpress-export";
import { readWxr, WxrError, type WxrEvent } from "./wxr";

async function read(xml: string | string[]) {
  const events: WxrEvent[] = [];
  for await (const e of readWxr(Readable.from(Array.isArray(xml) ? xml : [xml]))) events.push(e);
  return events;
}

const wrap = (ns: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:wp="${ns}" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="${ns}excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><wp:wxr_version>1.2</wp:wxr_version>${inner}</channel></rss>`;

describe("readWxr", () => {
  it.each(["http://wordpress.org/export/1.2/", "https://wordpress.org/export/1.2/", "http://wordpress.org/export/1.1/", "https://wordpress.org/export/1.0/"])(
    "reads the %s namespace",
    async (ns) => {
      const events = await read(wrap(ns, `<item><title>T</title><wp:post_id>7</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>x</p>]]></content:encoded><excerpt:encoded><![CDATA[ex]]></excerpt:encoded></item>`));
      const item = events.find((e) => e.kind === "item");
      expect(item?.kind === "item" && item.item).toMatchObject({ id: "7", type: "post", content: "<p>x</p>", excerpt: "ex" });
    },
  );

  it("joins split CDATA sections, keeps RTL overrides and emoji, and survives control characters and HTML entities", async () => {
    const xml = wrap("https://wordpress.org/export/1.2/", `<item><title>Caf&eacute; &amp; \u202eabc\u202c 🎉&nbsp;</title><content:encoded><![CDATA[a]]]]><![CDATA[>b\u000c]]></content:encoded></item>`);
    // split mid-character too: a 4-byte emoji across two chunks
    const bytes = Buffer.from(xml);
    const at = bytes.indexOf(Buffer.from("🎉")) + 2;
    const events: WxrEvent[] = [];
    for await (const e of readWxr(Readable.from([bytes.subarray(0, at), bytes.subarray(at)]))) events.push(e);
    const item = events.find((e) => e.kind === "item");
    expect(item?.kind === "item" && item.item.title).toBe("Café & \u202eabc\u202c 🎉\u00a0".trim());
    expect(item?.kind === "item" && item.item.content).toBe("a]]>b");
  });

  it("reads authors and channel-level terms", async () => {
    const events = await read(
      wrap(
        "https://wordpress.org/export/1.2/",
        `<wp:author><wp:author_login><![CDATA[ann]]></wp:author_login><wp:author_display_name><![CDATA[Ann]]></wp:author_display_name></wp:author><wp:category><wp:category_nicename>news</wp:category_nicename><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category><wp:tag><wp:tag_slug>x</wp:tag_slug><wp:tag_name>X</wp:tag_name></wp:tag><wp:term><wp:term_taxonomy>genre</wp:term_taxonomy><wp:term_slug>g</wp:term_slug><wp:term_name>G</wp:term_name></wp:term>`,
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(["channel", "author", "term", "term", "term"]);
    expect(events.filter((e) => e.kind === "term").map((e) => e.kind === "term" && `${e.term.taxonomy}:${e.term.slug}`)).toEqual(["category:news", "post_tag:x", "genre:g"]);
  });

  it("refuses bad XML, a wrong root and a missing WXR version, naming the line", async () => {
    await expect(read("<rss>\n<channel>\n<item></channel></rss>")).rejects.toThrow(/^line 3, column \d+: /);
    await expect(read("<html><body/></html>")).rejects.toThrow(/root element is <html>/);
    await expect(read("<rss><channel><title>x</title></channel></rss>")).rejects.toThrow(WxrError);
    await expect(read("")).rejects.toThrow(/root element/);
  });

  // The memory figure of the issue: a 100 MB export read with the process under 300 MB.
  it("reads a 100 MB export in flat memory", async () => {
    const shape = { posts: 12_000, commentsPerPost: 20, bodyBytes: 3000 };
    let peak = 0;
    let items = 0;
    let bytes = 0;
    const source = generateExport(shape);
    source.on("data", (chunk: string) => {
      bytes += Buffer.byteLength(chunk);
    });
    for await (const e of readWxr(source)) {
      if (e.kind !== "item") continue;
      if (++items % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(items).toBe(shape.posts);
    expect(bytes).toBeGreaterThan(100 * 1024 * 1024);
    expect(peak).toBeLessThan(300 * 1024 * 1024);
  }, 180_000);
});
