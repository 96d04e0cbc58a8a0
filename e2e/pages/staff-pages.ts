import { expect, type Browser, type BrowserContextOptions, type Locator, type Page } from "@playwright/test";

export type Role = "admin" | "editor" | "moderator" | "writer";

export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.email = page.getByLabel("Email", { exact: true });
    this.password = page.getByLabel("Password", { exact: true });
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.alert = page.getByRole("main").getByRole("alert");
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  }

  /** Fills and submits, and waits for the server's answer before anything else is typed. */
  async signIn(email: string, password: string) {
    await this.email.fill(email);
    await this.password.fill(password);
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
      this.submit.click(),
    ]);
    // The form is settled once no submit button is pending (or the page has moved on).
    await this.page.waitForFunction(() => !document.querySelector("button[type=submit][disabled]"));
  }
}

/** The article editor, /editor/articles/new or /editor/articles/{id}. */
export class ArticleEditor {
  constructor(readonly page: Page) {}

  field(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  button(name: "Save draft" | "Submit for review" | "Publish" | "Schedule" | "Unpublish") {
    return this.page.getByRole("button", { name, exact: true });
  }

  get status() {
    return this.page.getByRole("status").first();
  }

  async fill(values: { title: string; standfirst?: string; body?: string; section?: string; author?: string; tags?: string }) {
    await this.field("Title").fill(values.title);
    if (values.standfirst !== undefined) await this.field("Standfirst").fill(values.standfirst);
    if (values.body !== undefined) await this.field("Body").fill(values.body);
    if (values.section) await this.field("Section").selectOption({ label: values.section });
    if (values.author) await this.field("Author").selectOption({ label: values.author });
    if (values.tags !== undefined) await this.field("Tags").fill(values.tags);
  }

  /** The article's id, once it has been saved and the editor moved to its own address. */
  async articleId(): Promise<number> {
    await this.page.waitForURL(/\/editor\/articles\/\d+(\?|$)/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }
}

export const staffEmail = (role: Role) => `${role}@example.com`;

export function seedPassword(): string {
  const password = process.env.E2E_SEED_PASSWORD;
  if (!password) throw new Error("E2E_SEED_PASSWORD is not set (playwright.config.ts sets it)");
  return password;
}

/** A fresh browser context (with `options`) signed in as the demo account of `role`. */
export async function signedInPage(browser: Browser, role: Role, options?: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(staffEmail(role), seedPassword());
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}
