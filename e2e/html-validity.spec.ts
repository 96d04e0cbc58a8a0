import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInPage } from "./pages/staff-pages";
import { nuErrors } from "./support/nu-checker";
import { readerPages, staffAddresses } from "./support/page-list";

// The HTML as the server sends it, which is what a validator, a crawler or a reader without
// JavaScript gets.
async function serverHtml(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect([200, 404], path).toContain(response.status());
  return response.text();
}

test.describe("the W3C Nu HTML checker", () => {
  // One Java start and a dozen pages each: seconds on a quiet machine, far more on a busy one.
  test.describe.configure({ timeout: 180_000 });

  test("reports what it is here to catch", async () => {
    const page = '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><form action=""><button>Go</button></form></body></html>';
    expect((await nuErrors({ page })).map((e) => e.message)).toEqual([expect.stringContaining("Bad value “” for attribute “action” on element “form”")]);
  });

  test("finds no error on any reader page", async ({ request }) => {
    const documents: Record<string, string> = {};
    for (const [name, path] of readerPages) documents[`${name} (${path})`] = await serverHtml(request, path);
    expect(await nuErrors(documents)).toEqual([]);
  });

  test("finds no error on any staff page", async ({ browser }) => {
    const page = await signedInPage(browser, "admin");
    const documents: Record<string, string> = {};
    for (const [name, path] of await staffAddresses(page)) documents[`${name} (${path})`] = await serverHtml(page.request, path);
    expect(await nuErrors(documents)).toEqual([]);
    await page.context().close();
  });
});
