// Every kind of page a reader or a staff member can open, for the checks that read them all
// (axe, the W3C Nu HTML checker).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, richestArticle } from "../fixtures";
import { ArticleEditor, type Role } from "../pages/staff-pages";
import { archive } from "./archive";

const article = richestArticle();

export const readerPages = [
  ["home", "/"],
  ["section", `/${archive.section}`],
  ["section, page 2", `/${archive.section}?page=2`],
  ["article", `/${article.section}/${article.slug}`],
  ["author", `/author/${article.author}`],
  ["author, page 2", `/author/${archive.author}?page=2`],
  ["tag", `/tag/${archive.tag.slug}`],
  ["search", "/search?q=harbour"],
  ["search without results", "/search?q=the"],
  ["not found", "/no-such-section"],
  ["search page not found", "/search?q=harbour&page=abc"],
  ["sign-in", "/login"],
  // reached from an email; a link that is not valid (or has expired) still gets a page
  ["reply alerts", "/newsletters/replies?token=not-a-token"],
  ["reply alerts confirmation", "/newsletters/replies/confirm?token=not-a-token"],
] as const;

/**
 * Staff pages, each with the least role that sees all of it (the admin sees everything).
 * `{article}` and `{revision}` stand for an article's editor and one of its revisions.
 */
export const staffPages: readonly (readonly [string, string, Role])[] = [
  ["article list", "/editor", "admin"],
  ["new article", "/editor/articles/new", "admin"],
  ["article editor", "{article}", "admin"],
  ["revision", "{revision}", "admin"],
  ["moderation queue", "/moderation", "admin"],
  ["moderation rules", "/moderation/rules", "admin"],
  ["users", "/admin/users", "admin"],
  ["sections", "/admin/sections", "admin"],
  ["settings", "/admin/settings", "admin"],
  ["social accounts", "/admin/social", "admin"],
  ["audit log", "/admin/audit", "admin"],
  ["dashboard", "/dashboard", "admin"],
  ["reported comments", "/moderation/reported", "admin"],
  ["pages", "/editor/pages", "admin"],
  ["newsletters", "/admin/newsletters", "admin"],
  ["WordPress import", "/admin/import", "admin"],
  ["redirects", "/admin/redirects", "admin"],
  ["not found", "/editor/articles/999999", "admin"],
];

/**
 * The staff page list with `{article}` and `{revision}` replaced by the editor and the first
 * revision of a draft made for the test, so that both pages show everything they can.
 */
export async function staffAddresses(page: Page): Promise<(readonly [string, string])[]> {
  await page.goto("/editor/articles/new");
  const form = new ArticleEditor(page);
  await form.fill({ title: `Checked page ${randomBytes(4).toString("hex")}`, body: "A paragraph.\n\n## A heading\n\nAnother.", section: "Science", author: "Mei-Lin Chen" });
  await form.button("Save draft").click();
  const id = await form.articleId();
  const revision = await page.getByRole("region", { name: "Revisions" }).getByRole("link", { name: "View version 1" }).getAttribute("href");
  expect(revision, "the editor links to its revision").toBeTruthy();
  const placeholders: Record<string, string> = { "{article}": `/editor/articles/${id}`, "{revision}": revision! };
  return staffPages.map(([name, path]) => [name, placeholders[path] ?? path] as const);
}
