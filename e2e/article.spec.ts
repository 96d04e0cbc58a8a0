import { expect, richestArticle, test } from "./fixtures";
import { sections, authors } from "../scripts/seed/fixtures";

const article = richestArticle();
const section = sections.find((s) => s.slug === article.section)!;
const author = authors.find((a) => a.slug === article.author)!;

test.describe("the article page", () => {
  test("shows every part of the anatomy, in order", async ({ articlePage, page }) => {
    const response = await articlePage.goto(article);
    expect(response?.status()).toBe(200);

    await expect(articlePage.header.getByRole("link", { name: "Gazette" })).toHaveAttribute("href", "/");
    for (const s of sections) await expect(articlePage.sectionNav.getByRole("link", { name: s.name })).toBeVisible();
    await expect(articlePage.search).toBeVisible();

    await expect(articlePage.breadcrumb.getByRole("link")).toHaveText(["Home", section.name]);
    await expect(articlePage.breadcrumb.getByRole("link", { name: section.name })).toHaveAttribute("href", `/${section.slug}`);

    await expect(articlePage.title).toHaveText(article.title);
    await expect(page.getByText(article.standfirst)).toBeVisible();

    const byline = articlePage.byline;
    await expect(byline.getByRole("link", { name: author.name })).toHaveAttribute("href", `/author/${author.slug}`);
    await expect(byline.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
    await expect(byline).toContainText(/\d+ min read/);
    await expect(byline).toContainText(/\d+ comments?/);
    await expect(byline.getByRole("link", { name: article.source!.name })).toHaveAttribute("href", article.source!.url!);
    await expect(byline).toContainText(`Source: ${article.source!.name}`);

    const body = page.locator("article").first();
    await expect(body.locator("h2").first()).toBeVisible();
    await expect(body.locator("blockquote").first()).toBeVisible();
    await expect(body.locator("ul li, ol li").first()).toBeVisible();

    for (const tag of article.tags) await expect(articlePage.tags.getByRole("link", { name: tag })).toHaveAttribute("href", /^\/tag\//);
    await expect(articlePage.share.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:/);
    await expect(articlePage.authorBox).toContainText("Author:");
    await expect(articlePage.authorBox).toContainText(author.bio);

    // Headings in order: one h1, and the sidebar's widgets as h2.
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    for (const name of ["Stay Connected", "Must Read", "Related News", "LEAVE A REPLY"]) {
      await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    }
  });

  test("the sidebar shows formatted follower counts, Must Read and Related News", async ({ articlePage }) => {
    await articlePage.goto(article);
    const facebook = articlePage.stayConnected.getByRole("listitem").filter({ hasText: "Fans" });
    await expect(facebook).toContainText("16,985 Fans");
    const like = facebook.getByRole("link", { name: /^Like/ });
    await expect(like).toHaveAttribute("href", "https://www.facebook.com/gazettenews");
    await expect(like).toHaveAttribute("rel", "me noopener");
    await expect(articlePage.stayConnected).toContainText("2,458 Followers");
    await expect(articlePage.stayConnected).toContainText("61,453 Subscribers");

    await expect(articlePage.mustRead.getByRole("link").first()).toBeVisible();
    const related = articlePage.relatedNews.getByRole("link");
    await expect(related).toHaveCount(5);
    await expect(related.filter({ hasText: article.title })).toHaveCount(0);
  });

  test("comments: approved ones threaded one level deep, pending ones hidden, emails never shown", async ({ articlePage }) => {
    await articlePage.goto(article);
    const approved = article.comments!.filter((c) => c.status === "approved");
    const pending = article.comments!.filter((c) => c.status === "pending");
    const threaded = approved.find((c) => c.replies?.some((r) => r.status === "approved"))!;
    const reply = threaded.replies!.find((r) => r.status === "approved")!;

    for (const c of approved) await expect(articlePage.comments.getByText(c.body.split("\n")[0]!, { exact: false }).first()).toBeVisible();
    for (const c of pending) await expect(articlePage.comments.getByText(c.body.split("\n")[0]!)).toHaveCount(0);

    const parentItem = articlePage.comments.locator("> ol > li").filter({ hasText: threaded.body.split("\n")[0]! });
    await expect(parentItem.locator("ol li").filter({ hasText: reply.body.split("\n")[0]! })).toBeVisible();
    await expect(parentItem.getByRole("link", { name: `Reply to ${threaded.name}` })).toBeVisible();

    const html = await articlePage.page.content();
    for (const c of [...approved, ...pending]) expect(html).not.toContain(c.email);
  });

  test("the LEAVE A REPLY form has its named controls", async ({ articlePage }) => {
    await articlePage.goto(article);
    for (const label of ["Comment", "Name", "Email", "Website"] as const) await expect(articlePage.field(label)).toBeVisible();
    await expect(articlePage.replyForm.getByRole("checkbox", { name: "Save my name and email in this browser" })).toBeVisible();
    await expect(articlePage.replyForm.getByRole("button", { name: "Post Comment" })).toBeEnabled();
  });

  test("carries structured data, canonical link and social cards", async ({ articlePage, page, baseURL }) => {
    await articlePage.goto(article);
    const data = await articlePage.structuredData();
    const news = data.find((d) => d["@type"] === "NewsArticle")!;
    expect(news).toMatchObject({ headline: article.title, articleSection: section.name });
    expect(news.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const crumbs = data.find((d) => d["@type"] === "BreadcrumbList") as { itemListElement: { name: string; item: string }[] };
    expect(crumbs.itemListElement.map((i) => i.name)).toEqual(["Home", section.name, article.title]);

    const canonical = `${baseURL}/${article.section}/${article.slug}`;
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", canonical);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", article.title);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", /summary/);
    await expect(page).toHaveTitle(`${article.title} | Gazette`);
  });

  test("is served from the cache with the security headers", async ({ request }) => {
    const url = `/${article.section}/${article.slug}`;
    await request.get(url);
    const response = await request.get(url);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["x-nextjs-cache"]).toBe("HIT");
    const csp = headers["content-security-policy"]!;
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/https?:\/\//);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});

test("on a desktop the sidebar's column is not left empty down a long article: its last box stays in view", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/${article.section}/${article.slug}`);
  const sidebar = page.getByRole("complementary", { name: "Sidebar" });
  const widgets = await sidebar.evaluate((aside) => [...aside.children].reduce((sum, child) => sum + child.getBoundingClientRect().height, 0));
  const story = await page.locator("article").first().evaluate((a) => a.getBoundingClientRect().height);
  // The case in question: an article far longer than what the sidebar holds.
  expect(story).toBeGreaterThan(widgets + 800);
  await page.getByRole("heading", { name: "LEAVE A REPLY" }).scrollIntoViewIfNeeded();
  await expect(sidebar.locator(":scope > :last-child")).toBeInViewport();
});
