import type { Locator, Page } from "@playwright/test";

/** What every reader page has: header, section navigation, search box, footer. */
export class ReaderPage {
  readonly header: Locator;
  readonly sectionNav: Locator;
  readonly searchBox: Locator;
  readonly main: Locator;
  readonly footer: Locator;
  readonly heading: Locator;
  readonly pagination: Locator;
  readonly sidebar: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole("banner");
    this.sectionNav = page.getByRole("navigation", { name: "Sections" });
    this.searchBox = page.getByRole("searchbox", { name: "Search articles" });
    this.main = page.getByRole("main");
    this.footer = page.getByRole("contentinfo");
    this.heading = page.getByRole("heading", { level: 1 });
    this.pagination = page.getByRole("navigation", { name: "Pagination" });
    this.sidebar = page.getByRole("complementary", { name: "Sidebar" });
  }

  goto(path: string) {
    return this.page.goto(path);
  }

  /** Links to articles listed in the main column, in order (titles are h2 or h3 links). */
  articleLinks() {
    return this.main.locator("article :is(h2, h3) a");
  }

  async search(text: string) {
    await this.searchBox.fill(text);
    await this.searchBox.press("Enter");
  }

  meta(name: string) {
    return this.page.locator(`meta[name="${name}"], meta[property="${name}"]`);
  }

  async structuredData(): Promise<Record<string, unknown>[]> {
    const blocks = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
  }
}

/** The search page: its own form, the outcome in a status region, and the hits. */
export class SearchPage extends ReaderPage {
  readonly form: Locator;
  readonly query: Locator;
  readonly status: Locator;
  readonly hits: Locator;

  constructor(page: Page) {
    super(page);
    this.form = page.getByRole("search", { name: "Search the articles" });
    this.query = this.form.getByRole("searchbox", { name: "Search for" });
    this.status = page.getByRole("status");
    this.hits = this.main.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  }

  open(query: string, page?: number) {
    const params = new URLSearchParams({ q: query });
    if (page) params.set("page", String(page));
    return this.page.goto(`/search?${params}`);
  }
}
