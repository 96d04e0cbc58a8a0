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

  it("reads an item as WordPress 6 writes it: term and comment meta, repeated post meta, empty and self-closed elements, menu items", async () => {
    const events = await read(
      wrap(
        "https://wordpress.org/export/1.2/",
        `<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[jo]]></wp:author_login><wp:author_email><![CDATA[jo@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Jo Smith]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name/></wp:author>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[city]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[City]]></wp:cat_name><wp:termmeta><wp:meta_key><![CDATA[colour]]></wp:meta_key><wp:meta_value><![CDATA[red]]></wp:meta_value></wp:termmeta></wp:category>
<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy><![CDATA[nav_menu]]></wp:term_taxonomy><wp:term_slug><![CDATA[main]]></wp:term_slug><wp:term_name><![CDATA[Main]]></wp:term_name></wp:term>
<generator>https://wordpress.org/?v=6.5</generator>
<item><title><![CDATA[Renamed]]></title><link>https://x.org/renamed/</link><pubDate>Fri, 01 Mar 2024 09:00:00 +0000</pubDate><dc:creator><![CDATA[jo]]></dc:creator><guid isPermaLink="false">https://x.org/?p=5</guid><description></description><content:encoded><![CDATA[]]></content:encoded><excerpt:encoded/>
<wp:post_id>5</wp:post_id><wp:post_date><![CDATA[2024-03-01 10:00:00]]></wp:post_date><wp:post_date_gmt><![CDATA[0000-00-00 00:00:00]]></wp:post_date_gmt><wp:comment_status><![CDATA[open]]></wp:comment_status><wp:ping_status><![CDATA[open]]></wp:ping_status><wp:post_name><![CDATA[]]></wp:post_name><wp:status><![CDATA[draft]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="city"><![CDATA[City]]></category><category domain="post_format" nicename="post-format-aside"><![CDATA[Aside]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[first-name]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[second-name]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author><![CDATA[Pat]]></wp:comment_author><wp:comment_author_email><![CDATA[]]></wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP><![CDATA[]]></wp:comment_author_IP><wp:comment_date><![CDATA[2024-03-02 10:00:00]]></wp:comment_date><wp:comment_date_gmt><![CDATA[2024-03-02 09:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[Line one
line two]]></wp:comment_content><wp:comment_approved><![CDATA[0]]></wp:comment_approved><wp:comment_type><![CDATA[]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id><wp:commentmeta><wp:meta_key><![CDATA[akismet_result]]></wp:meta_key><wp:meta_value><![CDATA[false]]></wp:meta_value></wp:commentmeta></wp:comment>
</item>
<item><title><![CDATA[Home]]></title><wp:post_id>8</wp:post_id><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[nav_menu_item]]></wp:post_type><category domain="nav_menu" nicename="main"><![CDATA[Main]]></category><wp:postmeta><wp:meta_key><![CDATA[_menu_item_url]]></wp:meta_key><wp:meta_value><![CDATA[]]></wp:meta_value></wp:postmeta></item>`,
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(["channel", "author", "term", "term", "item", "item"]);
    const author = events.find((e) => e.kind === "author");
    expect(author?.kind === "author" && author.author).toMatchObject({ id: "2", login: "jo", email: "jo@example.org", displayName: "Jo Smith", lastName: "" });
    const terms = events.flatMap((e) => (e.kind === "term" ? [e.term] : []));
    expect(terms.map((t) => [t.taxonomy, t.slug, t.name])).toEqual([["category", "city", "City"], ["nav_menu", "main", "Main"]]);
    const [post, menu] = events.flatMap((e) => (e.kind === "item" ? [e.item] : []));
    expect(post).toMatchObject({ id: "5", name: "", status: "draft", excerpt: "", content: "", dateGmt: "0000-00-00 00:00:00", date: "2024-03-01 10:00:00", password: "", sticky: false });
    expect(post!.oldSlugs).toEqual(["first-name", "second-name"]);
    expect(post!.meta).toEqual({ _edit_last: "1", _wp_old_slug: "second-name" });
    expect(post!.terms.map((t) => t.domain)).toEqual(["category", "post_format"]);
    expect(post!.comments).toHaveLength(1);
    expect(post!.comments[0]).toMatchObject({ id: "3", author: "Pat", authorEmail: "", authorIp: "", approved: "0", type: "", parent: "0", userId: "0", content: "Line one\nline two" });
    expect(menu).toMatchObject({ id: "8", type: "nav_menu_item", meta: { _menu_item_url: "" }, comments: [] });
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
