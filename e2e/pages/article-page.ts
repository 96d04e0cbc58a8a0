import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * An address of its own (in the IPv6 documentation range) for each simulated reader, sent the
 * way a reverse proxy forwards it, so that readers do not share one rate limit.
 */
export function readerAddress(): string {
  const hex = randomBytes(8).toString("hex").match(/.{4}/g)!;
  return `2001:db8::${hex.join(":")}`;
}

/** The public article page, located the way a screen reader finds it: by role and name. */
export class ArticlePage {
  readonly header: Locator;
  readonly sectionNav: Locator;
  readonly search: Locator;
  readonly breadcrumb: Locator;
  readonly title: Locator;
  readonly byline: Locator;
  readonly tags: Locator;
  readonly share: Locator;
  readonly authorBox: Locator;
  readonly sidebar: Locator;
  readonly stayConnected: Locator;
  readonly mustRead: Locator;
  readonly relatedNews: Locator;
  readonly comments: Locator;
  readonly replyForm: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.sectionNav = page.getByRole("navigation", { name: "Sections" });
    this.search = page.getByRole("searchbox", { name: "Search articles" });
    this.breadcrumb = page.getByRole("navigation", { name: "Breadcrumb" });
    this.title = page.getByRole("heading", { level: 1 });
    this.byline = page.locator("article").first().locator("> div").filter({ hasText: "min read" });
    this.tags = page.getByRole("list", { name: "Tags" });
    this.share = page.getByRole("list", { name: "Share" });
    this.authorBox = page.getByRole("region", { name: "About the author" });
    this.sidebar = page.getByRole("complementary", { name: "Sidebar" });
    this.stayConnected = page.getByRole("region", { name: "Stay Connected" });
    this.mustRead = page.getByRole("region", { name: "Must Read" });
    this.relatedNews = page.getByRole("region", { name: "Related News" });
    this.comments = page.locator("section[aria-labelledby=comments-heading]");
    this.replyForm = page.getByRole("region", { name: "LEAVE A REPLY" });
  }

  /** From now on, this page is a different reader at a different address. */
  async asNewReader() {
    await this.page.setExtraHTTPHeaders({ "x-forwarded-for": readerAddress() });
  }

  async goto(article: { section: string; slug: string }) {
    return this.page.goto(`/${article.section}/${article.slug}`);
  }

  field(label: "Comment" | "Name" | "Email" | "Website") {
    return this.replyForm.getByLabel(label, { exact: true });
  }

  async postComment(values: Partial<Record<"Comment" | "Name" | "Email" | "Website", string>>) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label as "Comment").fill(value);
    }
    await this.replyForm.getByRole("button", { name: "Post Comment" }).click();
  }

  /**
   * Posts like a person: the form has been on screen for a while before it is sent. The page's
   * clock must have been installed (page.clock.install()) before the page was opened.
   */
  async postCommentUnhurried(values: Partial<Record<"Comment" | "Name" | "Email" | "Website", string>>) {
    for (const [label, value] of Object.entries(values)) {
      await this.field(label as "Comment").fill(value);
    }
    await this.page.clock.fastForward(10_000);
    const button = this.replyForm.getByRole("button", { name: "Post Comment" });
    await Promise.all([this.page.waitForResponse((r) => r.request().method() === "POST"), button.click()]);
    // The button reads "Posting…" until the answer is on screen.
    await expect(button).toBeEnabled();
  }

  /** The article's id, as its comment form sends it. */
  async articleId(): Promise<number> {
    return Number(await this.replyForm.locator('input[name="articleId"]').inputValue());
  }

  /** The reader's own comments that wait for moderation, shown to them alone. */
  get ownComments() {
    return this.replyForm.getByRole("article", { name: "Your comment" });
  }

  /** The page's JSON-LD blocks, parsed. */
  async structuredData(): Promise<Record<string, unknown>[]> {
    const blocks = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
  }
}
