// Next.js answers a 404 from a page rendered per request (a newsroom screen, a search the
// page cache does not take), and from any page whose notFound() is not inside a Suspense
// boundary, with an empty document, `<html id="__next_error__">`, that only JavaScript fills
// in: its server renderer has no error boundaries, so the error escapes the layouts
// (vercel/next.js#62228). Without JavaScript that is a blank page, for a reader, a crawler or
// a validator alike. scripts/server.mjs holds such an answer back before its first byte
// leaves and sends the site's own not-found page in its place, fetched from itself, with the
// 404: the reader pages' cached one, or the newsroom's (lib/routes.mjs, `notFoundPages`) on
// a staff path, where every 404 page gets the newsroom's frame (an unknown newsroom address
// only matches a reader route, whose 404 is whole but in the reader's frame).
//
// Only 404s of HTML documents are held, and only their first bytes are read; every other
// answer passes as Next.js writes it. Plain JavaScript because scripts/server.mjs imports it
// before Next.js loads.
import http from "node:http";
import zlib from "node:zlib";
import { fixedRoutes, isStaffPath, notFoundPages } from "../lib/routes.mjs";

const proto = http.ServerResponse.prototype;
const emptyDocument = Buffer.from('<html id="__next_error__"');
// `<!DOCTYPE html>` and the `<html>` tag come first: this many bytes tell the two apart.
const enough = 64;
/** On the request this module makes to its own server, so that its answer is never held again. */
const ownRequest = "x-gazette-not-found";
const hopByHop = new Set(["connection", "keep-alive", "transfer-encoding", "te", "upgrade", "proxy-connection"]);

/** The decoded start of a body Next.js may have compressed (it gzips for clients that accept it), or null. */
function decodedStart(bytes, encoding) {
  // A sync flush decodes what has arrived without the stream's end.
  try {
    if (!encoding || encoding === "identity") return bytes;
    if (encoding === "gzip") return zlib.gunzipSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (encoding === "deflate") return zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (encoding === "br") return zlib.brotliDecompressSync(bytes, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
  } catch {
    // not decodable (yet): the answer passes unchanged
  }
  return null;
}

const pathOf = (url) => (url ?? "/").split("?")[0];

/** A page a browser opens: not an API route, an image, a Next.js file, or a client navigation's data. */
function isDocumentRequest(req) {
  if (req.method !== "GET" || req.headers[ownRequest] !== undefined) return false;
  if (req.headers.rsc !== undefined || req.headers["next-router-prefetch"] !== undefined) return false;
  const kind = fixedRoutes[pathOf(req.url).split("/")[1] ?? ""];
  return kind !== "api" && kind !== "media" && kind !== "internal";
}

const isHtml = (res) => /^text\/html\b/i.test(String(res.getHeader("content-type") ?? ""));

/** The headers to ask the server itself for the not-found page with: the visitor's own, sign-in cookie included. */
function ownRequestHeaders(headers) {
  const copy = { [ownRequest]: "1" };
  for (const [name, value] of Object.entries(headers)) {
    if (hopByHop.has(name) || /^(?:content-length|if-none-match|if-modified-since|range|if-range)$/.test(name)) continue;
    copy[name] = value;
  }
  return copy;
}

/**
 * Watches `res` while Next.js answers `req`: a 404 that is its empty document, or any 404
 * page on a staff path, is answered instead with the page `fetchPage(path, req)` resolves
 * to (an http.IncomingMessage from this server), with status 404. When that fails, the
 * original answer is sent after all. Call before handing `req` and `res` to Next.js.
 */
export function wholeNotFound(req, res, fetchPage) {
  const path = pathOf(req.url);
  // The newsroom's not-found page is not a page of its own: opened directly, it is a 404 too.
  const isStaffNotFound = path === notFoundPages.staff;
  if (!isDocumentRequest(req) && !isStaffNotFound) return;
  const staff = isStaffPath(path);
  // (itself already the page to send)
  const watch = isDocumentRequest(req) && !isStaffNotFound;
  /** "watching" until the status is known; "holding" a reader 404 until its start is read; then "passing" or "replacing". */
  let state = "watching";
  let head = [];
  const held = [];
  let ended = false;
  let endCallback;

  const pass = () => {
    state = "passing";
    proto.writeHead.apply(res, head);
    for (const chunk of held) proto.write.call(res, chunk);
    held.length = 0;
    if (ended) proto.end.call(res, endCallback);
  };
  const replace = () => {
    fetchPage(staff ? notFoundPages.staff : notFoundPages.reader, req).then(
      (page) => {
        if (res.destroyed) return void page.destroy();
        // (a sign-in that ended in between, say): the original answer, not a redirect's empty body
        if (page.statusCode !== 200 && page.statusCode !== 404) {
          page.resume();
          return pass();
        }
        const close = res.getHeader("connection");
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        const headers = Object.fromEntries(Object.entries(page.headers).filter(([name]) => !hopByHop.has(name)));
        if (close) headers.connection = close;
        held.length = 0;
        state = "passing";
        proto.writeHead.call(res, 404, headers);
        page.on("data", (chunk) => {
          if (proto.write.call(res, chunk)) return;
          page.pause();
          res.once("drain", () => page.resume());
        });
        page.on("end", () => proto.end.call(res, endCallback));
        page.on("error", () => res.destroy());
        res.once("close", () => page.destroy());
      },
      () => {
        if (!res.destroyed) pass();
      },
    );
  };
  const decide = () => {
    const start = decodedStart(Buffer.concat(held), String(res.getHeader("content-encoding") ?? "") || undefined);
    if (start?.includes(emptyDocument)) state = "replacing";
    else if (ended || start === null || start.length >= enough) pass();
  };
  const later = (callback) => typeof callback === "function" && process.nextTick(callback);

  res.writeHead = function writeHead(...args) {
    if (state === "passing" || state === "watching") {
      const status = typeof args[0] === "number" ? args[0] : this.statusCode;
      if (isStaffNotFound && status === 200) {
        args[0] = 404;
        this.statusCode = 404;
      }
      if (state === "watching" && watch && (status === 404 || isStaffNotFound) && isHtml(this)) {
        head = [404, ...args.slice(1)];
        state = staff ? "replacing" : "holding";
        return this;
      }
      state = "passing";
      return proto.writeHead.apply(this, args);
    }
    return this;
  };
  res.flushHeaders = function flushHeaders() {
    if (state === "watching") this._implicitHeader();
    if (state === "passing") proto.flushHeaders.call(this);
  };
  res.write = function write(chunk, encoding, callback) {
    if (state === "watching") this._implicitHeader();
    if (state === "passing") return proto.write.apply(this, arguments);
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    if (state === "holding") decide();
    later(callback);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    if (state === "watching") this._implicitHeader();
    if (state === "passing") return proto.end.apply(this, arguments);
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    if (ended) return this;
    if (chunk !== undefined && chunk !== null) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    ended = true;
    endCallback = callback;
    if (state === "holding") decide();
    if (state === "replacing") replace();
    return this;
  };
}

/** `fetchPage` for wholeNotFound: GET `path` from the server at `address` (server.address()), as `req`'s visitor. */
export function fetchFromSelf(address) {
  return (path, req) =>
    new Promise((resolve, reject) => {
      const { address: host, port } = address();
      const local = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
      const request = http.get({ host: local, port, path, headers: ownRequestHeaders(req.headers) }, resolve);
      request.on("error", reject);
      request.setTimeout(10_000, () => request.destroy(new Error("no answer")));
    });
}
