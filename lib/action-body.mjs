// Server-action bodies are read and checked here, in scripts/server.mjs, before Next.js sees
// them. Next.js answers a body it cannot decode (a multipart body without its boundary, cut
// off, or a root that is not JSON) with a 500 and a stack trace in the log, once per request;
// anyone can send those. A body that decodes is handed on unchanged, as a fresh request.
//
// Plain JavaScript because scripts/server.mjs imports it before Next.js loads.
import http from "node:http";

/**
 * Whether a request may carry a server action: a POST with Next.js's `Next-Action` header (a
 * form submitted by JavaScript), or a multipart POST to a page (the same form without
 * JavaScript). Route handlers under /api/ read their own bodies.
 */
export function isActionRequest(req) {
  if (req.method !== "POST") return false;
  const path = (req.url ?? "/").split("?")[0];
  if (path.startsWith("/api/") || path.startsWith("/_next/")) return false;
  if (req.headers["next-action"] !== undefined) return true;
  return /^multipart\/form-data\b/i.test(req.headers["content-type"] ?? "");
}

/**
 * Reads the whole body, or stops at `limit` bytes: `null` then. A declared length over the
 * limit is refused before any byte is read.
 */
export function readBody(req, limit) {
  if (Number(req.headers["content-length"] ?? 0) > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on("error", reject);
  });
}

function isJsonArray(text) {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/**
 * What is wrong with an action body, in words for the sender, or `null` when Next.js can
 * decode it. A fetch action's arguments are one JSON array: the whole body, or a multipart
 * body's field "0" (React's encodeReply); a form posted without JavaScript is multipart.
 */
export async function actionBodyProblem(headers, body) {
  const type = headers["content-type"] ?? "";
  const isFetchAction = headers["next-action"] !== undefined;
  if (/^multipart\/form-data\b/i.test(type)) {
    if (!/;\s*boundary=/i.test(type)) return "The multipart body has no boundary.";
    let form;
    try {
      form = await new Response(body, { headers: { "Content-Type": type } }).formData();
    } catch {
      return "The multipart body is malformed or incomplete.";
    }
    if (isFetchAction) {
      const root = form.get("0");
      if (typeof root !== "string" || !isJsonArray(root)) return "The action's arguments are not valid JSON.";
    }
    return null;
  }
  if (isFetchAction && !isJsonArray(body.toString("utf8"))) return "The action's arguments are not valid JSON.";
  return null;
}

/** A request like `req` whose body is `body`, for Next.js to read again. */
export function replayRequest(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.headers = { ...req.headers, "content-length": String(body.length) };
  delete copy.headers["transfer-encoding"];
  copy.rawHeaders = Object.entries(copy.headers).flatMap(([name, value]) => (Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, value]));
  copy.complete = true;
  if (body.length) copy.push(body);
  copy.push(null);
  return copy;
}
