import { expect, richestArticle, test } from "./fixtures";
import { archive } from "./support/archive";

// Whatever arrives in a URL gets a page a person can read, or the site's 404: never a 500.
const junk = [
  "x".repeat(10 * 1024),
  "%FF%FE%00",
  "%E2%80%AE%F0%9F%92%A5%EF%BF%BF",
  "%E2%80%AE%00%ED%A0%BD", // an override, NUL and a lone surrogate, as raw bytes
  "' OR 1=1; --",
  "<svg onload=alert(1)>",
  "%25%25%25",
  "a:* & !b | <-> (",
  "漢字 ümlaut ﷽",
];

test.describe("bad input", () => {
  for (const [i, value] of junk.entries()) {
    test(`search query #${i} gets a clear page`, async ({ page }) => {
      const response = await page.goto(`/search?q=${value.includes("%") ? value : encodeURIComponent(value)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
      await expect(page.getByRole("status")).not.toBeEmpty();
    });
  }

  test("an empty page parameter is the first page", async ({ page }) => {
    const response = await page.goto(`/${archive.section}?page=`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1 of");
  });

  const notFound = [
    `/${archive.section}?page=${"9".repeat(40)}`,
    `/${archive.section}?page=%FF`,
    `/${archive.section}?page=%2e%2e`,
    `/${archive.section}?page=1%2F..`,
    `/author/${archive.author}?page=-3`,
    `/tag/${archive.tag.slug}?page=2.5`,
    `/search?q=harbour&page=abc`,
    `/search?q=harbour&page=${"9".repeat(30)}`,
    `/author/${"x".repeat(500)}`,
    `/tag/%E2%80%AE%00`,
    `/%F0%9F%92%A5?page=2`,
  ];
  for (const path of notFound) {
    test(`${path.slice(0, 60)} answers 404 with the site's page`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    });
  }
});

// Server-action bodies anyone can send: Next.js would answer each with a 500 and a stack trace
// in the log; scripts/server.mjs checks them first (lib/action-body.mjs) and answers 400.
test.describe("malformed action bodies", () => {
  const article = richestArticle();
  const path = `/${article.section}/${article.slug}`;
  const part = (boundary: string, name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  let actionId = "";
  test.beforeAll(async ({ request }) => {
    // The comment form names its action.
    const html = await (await request.get(path)).text();
    actionId = /\$ACTION_ID_([0-9a-f]{40,})|&quot;id&quot;:&quot;([0-9a-f]{40,})&quot;/.exec(html)?.slice(1).find(Boolean) ?? "";
    expect(actionId, "an action id on the page").not.toBe("");
  });

  const cases: [name: string, type: string, body: string][] = [
    ["multipart without a boundary", "multipart/form-data", part("x1", "0", "[]")],
    ["multipart with another boundary", "multipart/form-data; boundary=abc", `${part("x1", "0", "[]")}--x1--\r\n`],
    ["a cut-off multipart body", "multipart/form-data; boundary=x1", part("x1", "0", '["$K1"]').slice(0, 50)],
    ["a field 0 that is not JSON", "multipart/form-data; boundary=x1", `${part("x1", "0", "{nope")}--x1--\r\n`],
    ["a body that is not JSON", "text/plain;charset=UTF-8", "{nope"],
  ];
  for (const [name, type, body] of cases) {
    test(`${name} answers 400`, async ({ request }) => {
      const response = await request.post(path, { headers: { "Next-Action": actionId, "Content-Type": type }, data: Buffer.from(body) });
      expect(response.status()).toBe(400);
      expect(await response.text()).toMatch(/^The /);
    });
  }

  test("a cut-off form posted without JavaScript answers 400", async ({ request }) => {
    const body = `${part("x1", `$ACTION_ID_${actionId}`, "")}${part("x1", "email", "a@example.org")}`.slice(0, 90);
    const response = await request.post(path, { headers: { "Content-Type": "multipart/form-data; boundary=x1" }, data: Buffer.from(body) });
    expect(response.status()).toBe(400);
  });

  test("a well-formed body still reaches the action", async ({ request }) => {
    // No previous state and an empty form: the action runs, and refuses the form itself.
    const body = `${part("x1", "1_name", "")}${part("x1", "0", '["$undefined","$K1"]')}--x1--\r\n`;
    const response = await request.post(path, { headers: { "Next-Action": actionId, "Content-Type": "multipart/form-data; boundary=x1" }, data: Buffer.from(body) });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/x-component");
  });
});
