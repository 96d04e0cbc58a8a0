import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";

const unique = () => randomBytes(4).toString("hex");

/** A small export as WordPress writes it, with this test's own site, ids and slugs. */
function exportFile(id: string) {
  const n = parseInt(id.slice(0, 6), 16);
  const item = (postId: number, title: string, slug: string, status: string, extra = "") => `
	<item>
		<title><![CDATA[${title}]]></title>
		<link>https://wp-${id}.example.org/2024/03/${slug}/</link>
		<dc:creator><![CDATA[wp${id}]]></dc:creator>
		<guid isPermaLink="false">https://wp-${id}.example.org/?p=${postId}</guid>
		<content:encoded><![CDATA[First paragraph of ${title}.

Second paragraph.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${postId}</wp:post_id>
		<wp:post_date><![CDATA[2024-03-01 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-03-01 09:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[${status}]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>
		<category domain="category" nicename="sport"><![CDATA[Sport]]></category>${extra}
	</item>`;
  const comment = `
		<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[Old reader ${id}]]></wp:comment_author><wp:comment_author_email>r@example.org</wp:comment_author_email><wp:comment_date_gmt>2024-03-02 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Imported comment ${id}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>WP ${id}</title>
	<link>https://wp-${id}.example.org</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://wp-${id}.example.org</wp:base_site_url>
	<wp:base_blog_url>https://wp-${id}.example.org</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[wp${id}]]></wp:author_login><wp:author_display_name><![CDATA[Writer ${id}]]></wp:author_display_name></wp:author>
${item(n, `Imported story ${id}`, `imported-story-${id}`, "publish", comment)}
${item(n + 1, `Private story ${id}`, `private-story-${id}`, "private")}
</channel>
</rss>`;
}

/**
 * An export whose links take every shape WordPress gives them: post-name and date permalinks,
 * a percent-encoded non-Latin slug, an attachment page, a page, categories, a non-Latin tag, an
 * author whose login is not a slug. Its posts are in Sport, by a byline of its own.
 */
function linkShapesExport(id: string, n: number) {
  const site = `https://wp-${id}.example.org`;
  const novosti = "%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8";
  const teg = "%d1%82%d0%b5%d0%b3";
  const item = (postId: number, type: string, title: string, link: string, name: string, extra = "") => `
	<item>
		<title><![CDATA[${title}]]></title>
		<link>${link}</link>
		<dc:creator><![CDATA[Writer.${id}]]></dc:creator>
		<guid isPermaLink="false">${site}/?p=${postId}</guid>
		<description></description>
		<content:encoded><![CDATA[Text of ${title}.]]></content:encoded>
		<excerpt:encoded><![CDATA[]]></excerpt:encoded>
		<wp:post_id>${postId}</wp:post_id>
		<wp:post_date><![CDATA[2024-03-01 09:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-03-01 09:00:00]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${name}]]></wp:post_name>
		<wp:status><![CDATA[${type === "attachment" ? "inherit" : "publish"}]]></wp:status>
		<wp:post_type><![CDATA[${type}]]></wp:post_type>
		<wp:post_password><![CDATA[]]></wp:post_password>${extra}
	</item>`;
  const sport = `<category domain="category" nicename="sport"><![CDATA[Sport]]></category>`;
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>WP ${id}</title>
	<link>${site}</link>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${site}</wp:base_site_url>
	<wp:base_blog_url>${site}</wp:base_blog_url>
	<wp:author><wp:author_login><![CDATA[Writer.${id}]]></wp:author_login><wp:author_display_name><![CDATA[Shapes ${id}]]></wp:author_display_name></wp:author>
	<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[${teg}-${id}]]></wp:tag_slug><wp:tag_name><![CDATA[тег ${id}]]></wp:tag_name></wp:tag>
${item(n, "post", `Plain ${id}`, `${site}/plain-${id}/`, `plain-${id}`, `
		${sport}
		<category domain="category" nicename="c-${id}"><![CDATA[C ${id}]]></category>
		<category domain="post_tag" nicename="${teg}-${id}"><![CDATA[тег ${id}]]></category>`)}
${item(n + 1, "post", `Новости ${id}`, `${site}/${novosti}-${id}/`, `${novosti}-${id}`, `\n\t\t${sport}`)}
${item(n + 2, "post", `Dated ${id}`, `${site}/2024/03/dated-${id}/`, `dated-${id}`, `\n\t\t${sport}`)}
${item(n + 3, "attachment", `photo-${id}`, `${site}/2024/03/dated-${id}/photo-${id}/`, `photo-${id}`, `
		<wp:post_parent>${n + 2}</wp:post_parent>
		<wp:attachment_url><![CDATA[${site}/wp-content/uploads/2024/03/photo-${id}.jpg]]></wp:attachment_url>`)}
${item(n + 4, "page", `About ${id}`, `${site}/about-${id}/`, `about-${id}`)}
</channel>
</rss>`;
}

test.describe("moving in from WordPress", () => {
  test("an admin uploads an export: a dry run writes nothing, the import brings posts and comments and redirects old links", async ({ browser, page, request }) => {
    const id = unique();
    const admin = await signedInPage(browser, "admin");
    await admin.goto("/admin/import");
    const file = { name: "export.xml", mimeType: "text/xml", buffer: Buffer.from(exportFile(id)) };

    await admin.getByLabel("WordPress export file").setInputFiles(file);
    await admin.getByLabel("Dry run: read the file and report, write nothing").check();
    await admin.getByRole("button", { name: "Import" }).click();
    const status = admin.getByRole("status");
    await expect(status).toContainText("Dry run (nothing was written)");
    await expect(status).toContainText("Would create: 1 bylines");
    expect((await request.get(`/sport/imported-story-${id}`)).status()).toBe(404);

    await admin.getByLabel("WordPress export file").setInputFiles(file);
    await admin.getByLabel("Dry run: read the file and report, write nothing").uncheck();
    await admin.getByRole("button", { name: "Import" }).click();
    await expect(status).toContainText("Created:");
    await expect(status).toContainText("2 articles");
    await expect(status).toContainText(`Private story ${id}": private: imported as a draft`);
    await admin.context().close();

    const old = await request.get(`/2024/03/imported-story-${id}/`, { maxRedirects: 0 });
    expect(old.status()).toBe(301);
    expect(old.headers().location).toMatch(new RegExp(`/sport/imported-story-${id}$`));
    const byId = await request.get(`/?p=${parseInt(id.slice(0, 6), 16)}`, { maxRedirects: 0 });
    expect(byId.status()).toBe(301);
    expect(byId.headers().location).toMatch(new RegExp(`/sport/imported-story-${id}$`));

    await page.goto(`/2024/03/imported-story-${id}/`);
    await expect(page).toHaveURL(new RegExp(`/sport/imported-story-${id}$`));
    await expect(page.getByRole("heading", { level: 1, name: `Imported story ${id}` })).toBeVisible();
    await expect(page.getByText(`Imported comment ${id}`)).toBeVisible();

    // nothing private is public, at its new address or its old one
    expect((await request.get(`/sport/private-story-${id}`)).status()).toBe(404);
    const privateOld = await request.get(`/2024/03/private-story-${id}/`);
    expect(privateOld.status()).toBe(404);
    expect(new URL(privateOld.url()).pathname).toBe(`/2024/03/private-story-${id}`);
  });

  test("a malformed export is refused with its line, and the upload is for admins only", async ({ browser, request }) => {
    const admin = await signedInPage(browser, "admin");
    await admin.goto("/admin/import");
    await admin.getByLabel("WordPress export file").setInputFiles({ name: "bad.xml", mimeType: "text/xml", buffer: Buffer.from('<?xml version="1.0"?>\n<rss>\n<channel>\n<item></channel></rss>') });
    await admin.getByRole("button", { name: "Import" }).click();
    await expect(admin.getByRole("status")).toContainText("line 4");
    await expect(admin.getByRole("status")).toContainText("Nothing was imported");
    await admin.context().close();

    const editor = await signedInPage(browser, "editor");
    expect((await editor.goto("/admin/import"))?.status()).toBe(403);
    const refused = await editor.request.post("/api/import/wordpress", { multipart: { file: { name: "x.xml", mimeType: "text/xml", buffer: Buffer.from(exportFile(unique())) } } });
    expect(refused.status()).toBe(403);
    await editor.context().close();
    expect((await request.post("/api/import/wordpress", { multipart: { file: { name: "x.xml", mimeType: "text/xml", buffer: Buffer.from("<rss/>") } } })).status()).toBe(401);
  });

  test("an editor writes static pages: published at /slug and /parent/slug in the site's chrome and the sitemap, never at a section's address", async ({ browser, page, request, baseURL }) => {
    const id = unique();
    // The sitemap is cached and refreshed by the page actions; a refresh may first serve the old copy.
    const sitemap = async () => (await request.get("/sitemap.xml")).text();
    const entry = (path: string) => new RegExp(`<url><loc>${baseURL}${path}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}T[^<]+</lastmod></url>`);
    const editor = await signedInPage(browser, "editor");
    await editor.goto("/editor");
    await editor.getByRole("navigation", { name: "Newsroom" }).getByRole("link", { name: "Pages" }).click();
    await expect(editor).toHaveURL(/\/editor\/pages$/);

    await editor.getByLabel("Title").fill(`About us ${id}`);
    await editor.getByLabel("Slug").fill("sport");
    await editor.getByLabel("Body").fill("We are a **newsroom**.");
    await editor.getByRole("button", { name: "Publish" }).click();
    await expect(editor.getByText("A section is at /sport; please choose another slug")).toBeVisible();
    await expect(editor.getByLabel("Title")).toHaveValue(`About us ${id}`);
    await expect(editor.getByLabel("Slug")).toHaveAttribute("aria-invalid", "true");

    await editor.getByLabel("Slug").fill(`about-${id}`);
    await editor.getByRole("button", { name: "Publish" }).click();
    await expect(editor).toHaveURL(/\/editor\/pages\/\d+$/);
    await expect(editor.getByRole("button", { name: "Unpublish" })).toBeVisible();

    await page.goto(`/about-${id}`);
    await expect(page.getByRole("heading", { level: 1, name: `About us ${id}` })).toBeVisible();
    await expect(page.locator("strong", { hasText: "newsroom" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect.poll(sitemap).toMatch(entry(`/about-${id}`));

    await editor.goto("/editor/pages");
    await editor.getByLabel("Title").fill(`Team ${id}`);
    await editor.getByLabel("Parent").selectOption({ label: `About us ${id} (/about-${id})` });
    await editor.getByLabel("Body").fill("The people.");
    await editor.getByRole("button", { name: "Save draft" }).click();
    await expect(editor).toHaveURL(/\/editor\/pages\/\d+$/);
    expect((await page.goto(`/about-${id}/team-${id}`))?.status()).toBe(404);
    await editor.getByRole("button", { name: "Publish" }).click();
    await expect(editor.getByText(`Published “Team ${id}”.`)).toBeVisible();
    await page.goto(`/about-${id}/team-${id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Team ${id}` })).toBeVisible();
    await expect.poll(sitemap).toMatch(entry(`/about-${id}/team-${id}`));

    // back to a draft: gone from its address and from the sitemap, its parent still listed
    await editor.getByRole("button", { name: "Unpublish" }).click();
    await expect(editor.getByText(`Unpublished “Team ${id}”.`)).toBeVisible();
    expect((await page.goto(`/about-${id}/team-${id}`))?.status()).toBe(404);
    await expect.poll(sitemap).not.toContain(`/about-${id}/team-${id}<`);
    expect(await sitemap()).toMatch(entry(`/about-${id}`));
    await editor.context().close();
  });

  test("an admin adds a redirect: the old address answers 301 until it is deleted", async ({ browser, request }) => {
    const id = unique();
    const admin = await signedInPage(browser, "admin");
    await admin.goto("/admin/redirects");
    await admin.getByLabel("Old address").fill(`/archive/2019/old-${id}/`);
    await admin.getByLabel("New address").fill("/sport");
    await admin.getByRole("button", { name: "Add redirect" }).click();
    await expect(admin.getByRole("status").first()).toContainText(`/archive/2019/old-${id} now redirects to /sport`);

    for (const path of [`/archive/2019/old-${id}/`, `/archive/2019/old-${id}`]) {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status()).toBe(301);
      expect(res.headers().location).toMatch(/\/sport$/);
    }
    // an address that is not a redirect still loses its trailing slash, and pages that exist are untouched
    const slash = await request.get("/sport/", { maxRedirects: 0 });
    expect(slash.status()).toBe(301);
    expect(slash.headers().location).toMatch(/\/sport$/);
    expect((await request.get("/sport")).status()).toBe(200);

    await admin.reload();
    await admin.getByRole("button", { name: `Delete redirect from /archive/2019/old-${id}` }).click();
    await expect(admin.getByRole("cell", { name: `/archive/2019/old-${id}`, exact: true })).toHaveCount(0);
    expect((await request.get(`/archive/2019/old-${id}`, { maxRedirects: 0 })).status()).toBe(404);
    await admin.context().close();
  });
  test("every shape of old WordPress link answers 301 at its new address, with or without the trailing slash", async ({ browser, request }) => {
    const id = unique();
    const n = parseInt(id.slice(0, 6), 16) + 1_000_000;
    const admin = await signedInPage(browser, "admin");
    const imported = await admin.request.post("/api/import/wordpress", { multipart: { file: { name: "shapes.xml", mimeType: "text/xml", buffer: Buffer.from(linkShapesExport(id, n)) } } });
    expect(imported.status(), await imported.text()).toBe(200);
    await admin.context().close();

    const plain = `/sport/plain-${id}`;
    const novosti = `/sport/novosti-${id}`;
    const dated = `/sport/dated-${id}`;
    const encoded = "%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8";
    const teg = "%D1%82%D0%B5%D0%B3";
    const shapes: [string, string][] = [
      // post-name permalinks: one segment, shaped like a section's address
      [`/plain-${id}/`, plain],
      [`/plain-${id}`, plain],
      [`/plain-${id}?utm_source=old`, plain],
      // a non-Latin slug, percent-encoded in upper or lower case
      [`/${encoded}-${id}/`, novosti],
      [`/${encoded}-${id}`, novosti],
      [`/${encoded.toLowerCase()}-${id}`, novosti],
      // date permalinks, and an image's attachment page under its story
      [`/2024/03/dated-${id}/`, dated],
      [`/2024/03/dated-${id}`, dated],
      [`/2024/03/dated-${id}/photo-${id}/`, dated],
      [`/?attachment_id=${n + 3}`, dated],
      // the id forms
      [`/?p=${n}`, plain],
      [`/?p=${n + 2}`, dated],
      [`/?page_id=${n + 4}`, `/about-${id}`],
      // a page keeps its address, less the slash
      [`/about-${id}/`, `/about-${id}`],
      // categories: the first is the section, the others tags; a non-Latin tag; the feeds
      ["/category/sport/", "/sport"],
      ["/category/sport", "/sport"],
      ["/category/sport/feed/", "/sport/feed.xml"],
      [`/category/c-${id}/`, `/tag/c-${id}`],
      [`/category/c-${id}`, `/tag/c-${id}`],
      [`/tag/${teg}-${id}/`, `/tag/teg-${id}`],
      [`/tag/${teg}-${id}`, `/tag/teg-${id}`],
      // an author's archive: two segments, shaped like an article's address
      [`/author/Writer.${id}/`, `/author/writer-${id}`],
      [`/author/Writer.${id}`, `/author/writer-${id}`],
      ["/feed/", "/feed.xml"],
      ["/feed", "/feed.xml"],
      ["/comments/feed/", "/feed.xml"],
    ];
    for (const [old, to] of shapes) {
      const res = await request.get(old, { maxRedirects: 0 });
      expect(res.status(), old).toBe(301);
      expect(new URL(res.headers().location!, "http://x").pathname, old).toBe(to);
    }
    // and each new address is the page itself
    for (const to of new Set(shapes.map(([, to]) => to))) expect((await request.get(to, { maxRedirects: 0 })).status(), to).toBe(200);
  });

  test("an export larger than the proxy's body limit is uploaded whole, streamed to disk", async ({ browser }) => {
    // 40 MB through a dry run: more than the usual 30 s on a shared machine.
    test.setTimeout(180_000);
    const id = unique();
    const admin = await signedInPage(browser, "admin");
    // 40 MB: an XML comment of filler before the channel ends, so that only its last bytes make it whole.
    const xml = exportFile(id).replace("</channel>", `<!-- ${"filler ".repeat(6_000_000)} -->\n<!-- end ${id} -->\n</channel>`);
    expect(xml.length).toBeGreaterThan(40_000_000);
    const res = await admin.request.post("/api/import/wordpress", {
      multipart: { file: { name: "large.xml", mimeType: "text/xml", buffer: Buffer.from(xml) }, dryRun: "on" },
      timeout: 120_000,
    });
    const state = (await res.json()) as { ok: boolean; message: string };
    expect(res.status(), state.message).toBe(200);
    expect(state.message).toContain("Dry run (nothing was written)");
    expect(state.message).toContain("Would create: 1 bylines");
    await admin.context().close();
  });
});
