import type { Locator, Page } from "@playwright/test";

export type Queue = "Pending" | "Approved" | "Spam" | "Rejected";

/** The moderation queue, /moderation, found by role and name as a moderator's screen reader would. */
export class ModerationPage {
  readonly queues: Locator;
  readonly status: Locator;
  readonly bulk: Locator;

  constructor(readonly page: Page) {
    this.queues = page.getByRole("navigation", { name: "Queues" });
    this.status = page.getByRole("main").getByRole("status").first();
    this.bulk = page.getByRole("form", { name: "Selected comments" });
  }

  async goto(options: { queue?: Queue; articleId?: number } = {}) {
    const q = new URLSearchParams({ status: (options.queue ?? "Pending").toLowerCase() });
    if (options.articleId) q.set("article", String(options.articleId));
    await this.page.goto(`/moderation?${q}`);
  }

  /** The queue's tab link, whose name carries its count: "Pending (3)". */
  tab(queue: Queue) {
    return this.queues.getByRole("link", { name: new RegExp(`^${queue} \\(\\d+\\)$`) });
  }

  async count(queue: Queue): Promise<number> {
    const text = (await this.tab(queue).textContent()) ?? "";
    return Number(/\((\d+)\)/.exec(text)?.[1] ?? NaN);
  }

  /** The queued comment whose text contains `text`. */
  entry(text: string) {
    return this.page.getByRole("article").filter({ hasText: text });
  }

  async decide(text: string, button: "Approve" | "Reject" | "Spam" | "Ban commenter") {
    await this.entry(text).getByRole("button", { name: button, exact: true }).click();
  }

  async select(text: string) {
    await this.entry(text).getByRole("checkbox").check();
  }

  bulkButton(name: "Approve selected" | "Reject selected" | "Spam selected") {
    return this.bulk.getByRole("button", { name, exact: true });
  }

  /** The id of the article of the first queued comment that names it. */
  async articleIdFromFilterLink(): Promise<number> {
    const href = await this.page.getByRole("link", { name: "only this article" }).first().getAttribute("href");
    return Number(new URLSearchParams(href!.split("?")[1]).get("article"));
  }
}
