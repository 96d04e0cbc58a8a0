import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { count, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as t from "@/db/schema";
import { renderMarkdown } from "@/lib/markdown";
import { describeEachDatabase } from "@/test/databases";
import { importWordpress, type ImportReport } from "./import";
import { WxrError } from "./wxr";

const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const open = (name: string) => () => createReadStream(fixture(name));
const secret = "test-secret-at-least-thirty-two-characters";

async function tableCounts(db: Db) {
  const tables = { articles: t.articles, pages: t.pages, comments: t.comments, authors: t.authors, sections: t.sections, tags: t.tags, redirects: t.redirects, links: t.wordpressIds, articleTags: t.articleTags };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) out[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return out;
}

async function articleByTitle(db: Db, title: string) {
  const [row] = await db.select().from(t.articles).where(eq(t.articles.title, title));
  return row;
}

describeEachDatabase("WordPress import", (database) => {
  let report: ImportReport;
  beforeAll(async () => {
    report = await importWordpress(database().primary, open("site-1.2.xml"), { ipSecret: secret });
  });

  it("maps each status, and keeps private and password-protected content out of public view", async () => {
    const db = database().primary;
    expect((await articleByTitle(db, "Harbour reopens – at last"))?.status).toBe("published");
    const scheduled = await articleByTitle(db, "Scheduled story");
    expect(scheduled?.status).toBe("scheduled");
    expect(scheduled?.publishedAt?.toISOString()).toBe("2030-01-01T08:00:00.000Z");
    const draft = await articleByTitle(db, "Draft story");
    expect(draft?.status).toBe("draft");
    expect(draft?.slug).toBe("draft-story");
    expect((await articleByTitle(db, "Pending story"))?.status).toBe("review");
    expect((await articleByTitle(db, "Private story"))?.status).toBe("draft");
    expect((await articleByTitle(db, "Protected story"))?.status).toBe("draft");
    expect(await articleByTitle(db, "Trashed story")).toBeUndefined();
    expect(await articleByTitle(db, "Auto Draft")).toBeUndefined();
    expect(report.notes.some((n) => n.includes("Private story") && n.includes("private"))).toBe(true);
    expect(report.notes.some((n) => n.includes("Protected story") && n.includes("password"))).toBe(true);
    expect(report.skipped["posts (in the trash)"]).toBe(1);
    expect(report.skipped['items of type "nav_menu_item"']).toBe(1);
    // no redirect points at anything that is not published
    const targets = (await db.select({ to: t.redirects.toPath }).from(t.redirects)).map((r) => r.to);
    expect(targets.some((to) => /private|protected|scheduled|pending/.test(to))).toBe(false);
  });

  it("converts the body, shortcodes and blocks to Markdown that renders without script", async () => {
    const db = database().primary;
    const post = (await articleByTitle(db, "Harbour reopens – at last"))!;
    expect(post.body).toContain("WordPress keeps classic posts without paragraphs.");
    expect(post.body).toContain("![The harbour](https://old.example.org/wp-content/uploads/2024/03/harbour.jpg)");
    expect(post.body).toContain("*The harbour at dawn*");
    expect(post.body).toContain("[https://vimeo.com/76979871](https://vimeo.com/76979871)");
    expect(post.body).toContain("interview.mp3");
    expect(post.body).toContain("clip.mp4");
    expect(post.body).not.toMatch(/\[(caption|gallery|embed|audio|video)/);
    const html = renderMarkdown(post.body);
    expect(html).toContain("<p>WordPress keeps classic posts without paragraphs.<br>");
    expect(html).not.toMatch(/<script|onerror|javascript:|<iframe/i);
    expect(post.bodyHtml).toBe(html);
    const blocks = (await db.select().from(t.articles).where(eq(t.articles.slug, "novosti")))[0]!;
    expect(blocks.body).not.toContain("wp:");
    expect(blocks.body).toContain("a]]>b");
    expect(blocks.body).toContain("## A heading");
    expect(blocks.title).toBe("Новости \u202eRTL\u202c 🎉");
  });

  it("maps authors to bylines, categories to sections and tags, excerpt, hero, dates and sticky", async () => {
    const db = database().primary;
    const post = (await articleByTitle(db, "Harbour reopens – at last"))!;
    const [author] = await db.select().from(t.authors).where(eq(t.authors.id, post.authorId));
    expect(author).toMatchObject({ name: "Ada Editor", slug: "editor", userId: null });
    expect((await db.select().from(t.users).where(eq(t.users.email, "editor@old.example.org"))).length).toBe(0);
    const [section] = await db.select().from(t.sections).where(eq(t.sections.id, post.sectionId));
    expect(section?.slug).toBe("local");
    const tagRows = await db.select({ slug: t.tags.slug }).from(t.articleTags).innerJoin(t.tags, eq(t.tags.id, t.articleTags.tagId)).where(eq(t.articleTags.articleId, post.id));
    expect(tagRows.map((r) => r.slug).sort()).toEqual(["harbour", "world"]);
    expect(post.standfirst).toBe("The harbour is open again.");
    expect(post).toMatchObject({
      heroImageUrl: "https://old.example.org/wp-content/uploads/2024/03/harbour.jpg",
      heroImageAlt: "The harbour, seen from the pier",
      heroImageCaption: "The harbour at dawn",
      mustRead: true,
    });
    expect(report.remoteImages).toContain("https://old.example.org/wp-content/uploads/2024/03/harbour.jpg");
    expect(post.publishedAt?.toISOString()).toBe("2024-03-01T09:00:00.000Z");
    expect(post.revisedAt?.toISOString()).toBe("2024-03-05T12:00:00.000Z");
  });

  it("imports comments by status, skips pings, and flattens a nine-level thread keeping whom each answered", async () => {
    const db = database().primary;
    const post = (await articleByTitle(db, "Harbour reopens – at last"))!;
    const rows = await db.select().from(t.comments).where(eq(t.comments.articleId, post.id)).orderBy(t.comments.createdAt, t.comments.id);
    const byName = new Map(rows.map((r) => [r.authorName, r]));
    expect(rows.length).toBe(9 + 3); // the thread, spam, pending, hostile; not pings or trash
    const top = byName.get("Reader 1")!;
    expect(top.parentId).toBeNull();
    for (let i = 2; i <= 9; i++) {
      const reply = byName.get(`Reader ${i}`)!;
      expect(reply.parentId).toBe(top.id);
      expect(reply.inReplyToId).toBe(i === 2 ? null : byName.get(`Reader ${i - 1}`)!.id);
    }
    expect(byName.get("Spammer 22")?.status).toBe("spam");
    expect(byName.get("Waiting 23")?.status).toBe("pending");
    expect(byName.get("Reader 5")?.status).toBe("approved");
    expect(byName.has("Binned 24")).toBe(false);
    expect(report.skipped.pingbacks).toBe(1);
    expect(report.skipped.trackbacks).toBe(1);
    const hostile = byName.get("Hostile 25")!;
    expect(hostile.body).toBe("Bold click & more");
    expect(hostile.parentId).toBe(top.id);
    expect(hostile.inReplyToId).toBe(byName.get("Reader 3")!.id);
    expect(top.authorEmail).toBe("reader1@example.org");
    expect(top.ipHash).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(top.ipHash).not.toContain("192.0.2");
  });

  it("keeps page hierarchy, and private pages stay drafts", async () => {
    const db = database().primary;
    const rows = await db.select().from(t.pages);
    const about = rows.find((p) => p.slug === "about")!;
    const team = rows.find((p) => p.slug === "team")!;
    expect(about.status).toBe("published");
    expect(team.parentId).toBe(about.id);
    expect(about.body).toBe("We are a **newsroom**.\n\nSince 1999.");
    expect(rows.find((p) => p.slug === "private-page")?.status).toBe("draft");
  });

  it("fills redirects for links, old slugs, ?p= and ?page_id=, attachment pages, categories, tags, authors and feeds", async () => {
    const db = database().primary;
    const map = new Map((await db.select().from(t.redirects)).map((r) => [r.fromPath, r.toPath]));
    const post = (await articleByTitle(db, "Harbour reopens – at last"))!;
    expect(map.get("/2024/03/harbour-reopens")).toBe(`/local/${post.slug}`);
    expect(map.get("/?p=1")).toBe(`/local/${post.slug}`);
    // the slugs it had before (WordPress's _wp_old_slug), each of them
    expect(map.get("/2024/03/harbour-to-reopen")).toBe(`/local/${post.slug}`);
    expect(map.get("/2024/03/harbour-may-reopen")).toBe(`/local/${post.slug}`);
    expect(map.get("/2024/03/новости")).toBe("/mir/novosti");
    expect(map.get("/category/мир")).toBe("/mir");
    expect(map.get("/tag/тег")).toBe("/tag/teg");
    expect(map.get("/?page_id=21")).toBe("/about/team");
    expect(map.get("/about")).toBeUndefined(); // already the page's own address
    expect(map.get("/category/local")).toBe("/local");
    expect(map.get("/category/local/feed")).toBe("/local/feed.xml");
    expect(map.get("/category/local/world")).toBe("/tag/world");
    expect(map.has("/tag/harbour")).toBe(false); // Gazette's tag page has the same address
    expect(map.has("/author/editor")).toBe(false); // the byline page is at the same address
    expect(map.get("/feed")).toBe("/feed.xml");
    expect(map.has("/?p=5")).toBe(false);
    // an attachment page goes to the story it was attached to; an unattached one nowhere
    expect(map.get("/2024/03/harbour-reopens/harbour")).toBe(`/local/${post.slug}`);
    expect(map.get("/?attachment_id=10")).toBe(`/local/${post.slug}`);
    expect(map.has("/?attachment_id=11")).toBe(false);
    expect(map.has("/2024/03/boats")).toBe(false);
  });

  it("changes nothing when the same file is imported again", async () => {
    const db = database().primary;
    const before = await tableCounts(db);
    const stamps = await db.select({ id: t.articles.id, updatedAt: t.articles.updatedAt, version: t.articles.version }).from(t.articles);
    const again = await importWordpress(db, open("site-1.2.xml"), { ipSecret: secret });
    expect(again.created).toEqual({});
    expect(again.updated).toEqual({});
    expect(again.unchanged.articles).toBe(7);
    expect(await tableCounts(db)).toEqual(before);
    expect(await db.select({ id: t.articles.id, updatedAt: t.articles.updatedAt, version: t.articles.version }).from(t.articles)).toEqual(stamps);
  });

  it("updates what changed in a newer export", async () => {
    const db = database().primary;
    const newer = readFileSync(fixture("site-1.2.xml"), "utf8")
      .replace("Harbour reopens &#8211; at last", "Harbour reopens, officially")
      .replace("<![CDATA[Comment 4]]>", "<![CDATA[Comment 4, edited]]>");
    const again = await importWordpress(db, () => Readable.from([newer]), { ipSecret: secret });
    expect(again.updated).toMatchObject({ articles: 1, comments: 1 });
    expect(again.created).toEqual({});
    const post = (await articleByTitle(db, "Harbour reopens, officially"))!;
    expect(post.version).toBe(2);
    const [edited] = await db.select().from(t.comments).where(eq(t.comments.authorName, "Reader 4"));
    expect(edited?.body).toBe("Comment 4, edited");
  });

  it("writes nothing on a dry run, and reports the same", async () => {
    const db = database().primary;
    const before = await tableCounts(db);
    const dry = await importWordpress(db, open("site-1.0.xml"), { ipSecret: secret, dryRun: true });
    expect(dry.created.articles).toBe(1);
    expect(dry.created.pages).toBe(1);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("refuses a malformed file naming the line, and writes nothing", async () => {
    const db = database().primary;
    const before = await tableCounts(db);
    const error = await importWordpress(db, open("malformed.xml"), { ipSecret: secret }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).line).toBe(43);
    expect((error as WxrError).message).toMatch(/^line 43, column \d+: unexpected close tag/);
    const notWxr = await importWordpress(db, () => Readable.from(['<?xml version="1.0"?>\n<feed><entry/></feed>']), { ipSecret: secret }).catch((e: unknown) => e);
    expect((notWxr as WxrError).message).toMatch(/line 2.*root element is <feed>/);
    const noVersion = await importWordpress(db, () => Readable.from(["<rss><channel><title>x</title><item><title>a</title></item></channel></rss>"]), { ipSecret: secret }).catch((e: unknown) => e);
    expect((noVersion as WxrError).message).toMatch(/no WXR version/);
    expect(await tableCounts(db)).toEqual(before);
  });

  it("reads WXR 1.0 and 1.1 with the http namespace", async () => {
    const db = database().primary;
    const r10 = await importWordpress(db, open("site-1.0.xml"), { ipSecret: secret });
    expect(r10.wxrVersion).toBe("1.0");
    const old = (await articleByTitle(db, "Old & gold"))!;
    expect(old.body).toBe("Line one  \nline two");
    const r11 = await importWordpress(db, open("site-1.1.xml"), { ipSecret: secret });
    expect(r11.created.articles).toBe(1);
    const ids = (await db.select({ id: t.wordpressIds.targetId }).from(t.wordpressIds).where(inArray(t.wordpressIds.wpId, ["100", "200"]))).length;
    expect(ids).toBe(2);
  });

  it("fetches a reachable featured image into the media library, and keeps an unreachable one remote", async () => {
    const db = database().primary;
    const png = await sharp({ create: { width: 800, height: 500, channels: 3, background: "#346" } }).png().toBuffer();
    const server = createServer((req, res) => {
      if (req.url === "/ok.png") res.writeHead(200, { "content-type": "image/png" }).end(png);
      else res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const xml = readFileSync(fixture("site-1.1.xml"), "utf8")
        .replace("https://old.example.org</wp:base_site_url>", "https://images.example.org</wp:base_site_url>")
        .replace("</channel>", `<item><title>ok</title><wp:post_id>900</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>${base}/ok.png</wp:attachment_url><excerpt:encoded><![CDATA[Blue]]></excerpt:encoded></item>
<item><title>gone</title><wp:post_id>901</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>${base}/gone.png</wp:attachment_url></item>
<item><title>With image</title><wp:post_id>902</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_name>with-image</wp:post_name><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>900</wp:meta_value></wp:postmeta></item>
<item><title>With lost image</title><wp:post_id>903</wp:post_id><wp:post_type>post</wp:post_type><wp:status>publish</wp:status><wp:post_name>with-lost-image</wp:post_name><wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>901</wp:meta_value></wp:postmeta></item>
</channel>`);
      const r = await importWordpress(db, () => Readable.from([xml]), { ipSecret: secret, fetchImages: true });
      const fetched = (await articleByTitle(db, "With image"))!;
      expect(fetched.heroImageUrl).toMatch(/^\/media\/[0-9a-f]{32}\/\d+\.webp$/);
      expect(fetched).toMatchObject({ heroImageCaption: "Blue", heroImageWidth: 800, heroImageHeight: 500 });
      expect((await articleByTitle(db, "With lost image"))!.heroImageUrl).toBe(`${base}/gone.png`);
      expect(r.remoteImages).toEqual([`${base}/gone.png`]);
    } finally {
      server.close();
    }
  });
});
