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
    expect((await request.get(`/2024/03/private-story-${id}/`, { maxRedirects: 0 })).status()).not.toBe(301);
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

  test("an editor writes static pages: published at /slug and /parent/slug in the site's chrome, never at a section's address", async ({ browser, page }) => {
    const id = unique();
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

    await editor.getByRole("button", { name: "Unpublish" }).click();
    await expect(editor.getByText(`Unpublished “Team ${id}”.`)).toBeVisible();
    expect((await page.goto(`/about-${id}/team-${id}`))?.status()).toBe(404);
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
    expect(slash.status()).toBe(308);
    expect((await request.get("/sport")).status()).toBe(200);

    await admin.reload();
    await admin.getByRole("button", { name: `Delete redirect from /archive/2019/old-${id}` }).click();
    await expect(admin.getByRole("cell", { name: `/archive/2019/old-${id}`, exact: true })).toHaveCount(0);
    expect((await request.get(`/archive/2019/old-${id}`, { maxRedirects: 0 })).status()).toBe(404);
    await admin.context().close();
  });
});
