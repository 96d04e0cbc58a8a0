import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchFromSelf, wholeNotFound } from "./whole-not-found.mjs";

// The gzip middleware Next.js puts on every response, installed as Next.js does: after
// scripts/server.mjs has handed the response on, so that what it writes is compressed.
type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => Middleware;

const emptyDocument = '<!DOCTYPE html><html id="__next_error__"><head><meta charSet="utf-8"/></head><body><div hidden=""></div>';
const page = (text: string) => `<!DOCTYPE html><html lang="en"><head><title>${text}</title></head><body><h1>${text}</h1></body></html>`;
const seen: Record<string, IncomingMessage["headers"]> = {};
let failReaderPage = false;

/** Stands in for Next.js: each path answers as one kind of Next.js page does. */
function next(req: IncomingMessage, res: ServerResponse) {
  const path = req.url!.split("?")[0]!;
  seen[path] = req.headers;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("X-Answered", path);
  const stream = (status: number, ...chunks: string[]) => {
    res.statusCode = status;
    res.flushHeaders();
    for (const chunk of chunks) {
      res.write(chunk);
      // as Next.js does after each chunk: the gzip middleware then sends what it has
      (res as ServerResponse & { flush?: () => void }).flush?.();
    }
    res.end();
  };
  if (path === "/-") {
    if (failReaderPage) return void req.socket.destroy();
    res.statusCode = 404;
    res.setHeader("Cache-Control", "public, s-maxage=5");
    return void res.end(page("Reader not found"));
  }
  if (path === "/dashboard/not-found") return stream(200, page("Newsroom not found"));
  if (path === "/search" || path === "/editor/articles/9") return stream(404, emptyDocument.slice(0, 20), emptyDocument.slice(20), "<script>rsc</script></body></html>");
  if (path === "/world/nothing" || path === "/admin/unknown") return stream(404, page("Whole 404"));
  if (path === "/api/nothing") return stream(404, emptyDocument);
  res.setHeader("Content-Type", req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8");
  return stream(req.headers.rsc ? 404 : 200, "<!DOCTYPE html><html lang=\"en\">", "<body>a page", " in parts</body></html>");
}

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    wholeNotFound(req, res, fetchFromSelf(() => server.address() as AddressInfo));
    compression()(req, res, () => {});
    next(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe("a 404 Next.js can only send as its empty document", () => {
  for (const encoding of ["identity", "gzip", "deflate"]) {
    it(`is answered with the site's not-found page (${encoding})`, async () => {
      const answer = await get("/search?q=a/b&page=99", { "Accept-Encoding": encoding, Cookie: "session=1", "If-None-Match": '"x"' });
      expect(answer.status).toBe(404);
      expect(answer.text).toBe(page("Reader not found"));
      // the page's own headers, none of the empty document's
      expect(answer.headers.get("x-answered")).toBe("/-");
      expect(answer.headers.get("cache-control")).toBe("public, s-maxage=5");
      expect(seen["/-"]).toMatchObject({ cookie: "session=1", "x-gazette-not-found": "1" });
      expect(seen["/-"]!["if-none-match"]).toBeUndefined();
    });
  }

  it("on a staff path, is answered with the newsroom's, with a 404 for its 200", async () => {
    const answer = await get("/editor/articles/9", { "Accept-Encoding": "gzip", Cookie: "session=1" });
    expect(answer).toMatchObject({ status: 404, text: page("Newsroom not found") });
    expect(seen["/dashboard/not-found"]).toMatchObject({ cookie: "session=1" });
  });

  it("goes out as it is when the page cannot be had", async () => {
    failReaderPage = true;
    try {
      expect(await get("/search", { "Accept-Encoding": "gzip" })).toMatchObject({ status: 404, text: `${emptyDocument}<script>rsc</script></body></html>` });
    } finally {
      failReaderPage = false;
    }
  });
});

describe("every other answer", () => {
  it("passes unchanged: a whole 404 page on a reader path", async () => {
    for (const encoding of ["identity", "gzip"]) {
      const answer = await get("/world/nothing", { "Accept-Encoding": encoding });
      expect(answer).toMatchObject({ status: 404, text: page("Whole 404") });
      expect(answer.headers.get("x-answered")).toBe("/world/nothing");
    }
  });

  it("passes unchanged: pages, client navigations' data, and API routes", async () => {
    expect(await get("/world/a-story", { "Accept-Encoding": "gzip" })).toMatchObject({ status: 200, text: '<!DOCTYPE html><html lang="en"><body>a page in parts</body></html>' });
    expect((await get("/editor/x", { rsc: "1" })).status).toBe(404);
    expect((await get("/api/nothing")).text).toBe(emptyDocument);
  });

  it("but a staff path's whole 404 page still gets the newsroom's frame", async () => {
    expect(await get("/admin/unknown")).toMatchObject({ status: 404, text: page("Newsroom not found") });
  });

  it("and the newsroom's not-found page, opened at its own address, is a 404 too", async () => {
    expect(await get("/dashboard/not-found")).toMatchObject({ status: 404, text: page("Newsroom not found") });
  });
});
