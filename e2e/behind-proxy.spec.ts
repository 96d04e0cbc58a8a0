import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { LoginPage, seedPassword, staffEmail } from "./pages/staff-pages";

// A reverse proxy in front of the server whose headers do not describe SITE_URL: it sends its
// upstream's name as Host, the name the browser used as X-Forwarded-Host (which Next.js needs
// to accept server actions), and X-Forwarded-Proto https, as a proxy behind a TLS-terminating
// CDN may. Redirects must still go to the site's public address (SITE_URL, here the server's
// own), never to an address built from what the proxy sent.
const internalHost = "gazette-upstream.internal:3000";
let proxy: http.Server;
let proxyUrl = "";

test.beforeAll(async ({ baseURL }) => {
  const upstream = new URL(baseURL!);
  proxy = http.createServer((req, res) => {
    const forwarded = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          host: internalHost,
          "x-forwarded-host": req.headers.host,
          "x-forwarded-proto": "https",
          "x-forwarded-for": req.socket.remoteAddress ?? "",
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
});

test("a staff page asked for through the proxy redirects to the sign-in page, where Auth.js's addresses are SITE_URL's, never the proxy's", async ({ request, baseURL }) => {
  const response = await request.get(`${proxyUrl}/editor?status=review`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  const location = response.headers().location ?? "";
  expect(location).not.toContain("internal");
  expect(location).not.toContain("localhost");
  // Next.js makes a redirect on the server's own origin relative, which the browser resolves
  // against the address it asked for.
  const target = new URL(location, proxyUrl);
  expect([proxyUrl, baseURL]).toContain(target.origin);
  expect(`${target.pathname}${target.search}`).toBe("/login?next=%2Feditor%3Fstatus%3Dreview");

  // Auth.js names its cookies (and builds the redirect after signing out, the next test) from
  // AUTH_URL, which lib/site-origin.ts derives from SITE_URL. Left to itself it takes the
  // scheme from the proxy's X-Forwarded-Proto: __Host-/__Secure- cookies, for an https the
  // site is not served on.
  const csrf = await request.get(`${proxyUrl}/api/auth/csrf`);
  const cookies = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split("=")[0]);
  expect(cookies).toContain("authjs.csrf-token");
  expect(cookies.filter((name) => name!.startsWith("__"))).toEqual([]);
});

test("signing in and out through the proxy lands on SITE_URL's origin", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: proxyUrl });
  try {
    const page = await context.newPage();
    const login = new LoginPage(page);
    await login.goto("/moderation");
    await login.signIn(staffEmail("moderator"), seedPassword());
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/moderation");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).origin).toBe(baseURL);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  } finally {
    await context.close();
  }
});
