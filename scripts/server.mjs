// The production server: Next.js's request handler on a plain node:http server, so that a
// SIGTERM drains it instead of ending it mid-answer (`next start` exits at once) or never
// (with keep-alive clients it waits on connections that never close).
//
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0]
//
// On SIGTERM or SIGINT: /api/health answers 503 at once so balancers stop sending; the server
// stops accepting connections; requests in flight are answered, each with `Connection: close`,
// and idle keep-alive connections are closed; after SHUTDOWN_GRACE_SECONDS (default 10) the
// remaining connections are cut. The database and Redis connections are closed before exit.
import http from "node:http";
import next from "next";
import { actionBodyProblem, isActionRequest, readBody, replayRequest } from "../lib/action-body.mjs";
import { actionBodyLimitBytes } from "../lib/body-limit.mjs";
import { fetchFromSelf, wholeNotFound } from "./whole-not-found.mjs";

function argument(name) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const port = Number(argument("port") ?? process.env.PORT ?? 3000);
const hostname = argument("hostname");
// Validated with the rest of the environment in lib/env.ts; read here before Next.js loads.
const grace = Number(process.env.SHUTDOWN_GRACE_SECONDS || 10);
if (!Number.isFinite(grace) || grace < 0 || grace > 600) {
  console.error(`\nInvalid configuration:\n  SHUTDOWN_GRACE_SECONDS: must be a number of seconds from 0 to 600\n`);
  process.exit(1);
}
const graceMs = grace * 1000;
// Closing the database and Redis gets at most this share of the grace period.
const closeMs = Math.min(1000, graceMs / 2);

// Read by app/api/health: once set, the instance reports itself as draining.
const shutdownKey = Symbol.for("gazette.shutdown");
// The read beacon's handler, put here by instrumentation.ts (lib/readership/fast-path.ts).
const beaconKey = Symbol.for("gazette.beaconHandler");

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

function refuse(res, status, message) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
  res.end(message);
}

/**
 * A server action's body is read here and checked (lib/action-body.mjs): one Next.js cannot
 * decode gets a 400 saying why, with nothing logged, instead of Next.js's 500 and stack trace.
 */
async function handleAction(req, res) {
  const body = await readBody(req, actionBodyLimitBytes);
  if (!body) return refuse(res, 413, "This upload is too large: images may be at most 10 MB.");
  const problem = await actionBodyProblem(req.headers, body);
  if (problem) return refuse(res, 400, problem);
  return handle(replayRequest(req, body), res);
}

// Set by lib/redirects/lookup.ts when the app starts: old one- and two-segment WordPress links.
const oldLinksKey = Symbol.for("gazette.oldLinks");

// The site's not-found page, asked of this server itself for a visitor who would get an empty one.
const notFoundPage = fetchFromSelf(() => server.address());

let draining = false;
const server = http.createServer((req, res) => {
  // Every answer given while draining ends its connection, so keep-alive clients reconnect
  // elsewhere instead of holding this instance open.
  if (draining) res.setHeader("Connection", "close");
  // Read beacons are answered here, not by Next.js: its route pipeline costs a hundred times
  // what counting one does. The handler is the app's own code, counting into the app's state.
  const beacon = globalThis[beaconKey];
  if (beacon && (req.url === "/api/read" || req.url?.startsWith("/api/read?"))) {
    beacon(req, res);
    return;
  }
  const serve = () => {
    // A 404 that Next.js can only send as an empty document goes out as the site's own page (whole-not-found.mjs).
    wholeNotFound(req, res, notFoundPage);
    return (isActionRequest(req) ? handleAction(req, res) : handle(req, res)).catch((error) => {
      console.error("Request failed:", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  // An old link such as "/hello-world" has the shape of a section or article address, which
  // never passes through proxy.ts; a page could only answer it with a 308. It is answered with
  // its 301 here, before Next.js. Any other request pays one look in an in-memory set.
  const oldLinks = globalThis[oldLinksKey];
  const old = oldLinks && (req.method === "GET" || req.method === "HEAD") ? oldLinks.match(req.url ?? "/") : null;
  if (!old) return void serve();
  oldLinks.answer(old).then(
    (to) => {
      if (!to) return void serve();
      res.writeHead(301, { Location: to, "Cache-Control": "public, max-age=0, s-maxage=60", "Content-Length": "0" });
      res.end();
    },
    () => void serve(),
  );
});
server.listen(port, hostname, () => {
  console.log(`Gazette listening on http://${hostname ?? "localhost"}:${port}`);
});

async function closeResources() {
  const store = globalThis;
  const database = store[Symbol.for("gazette.database")];
  const cache = store[Symbol.for("gazette.sharedCache")];
  await Promise.allSettled([
    database?.then((d) => d.close()),
    cache?.close?.(),
  ]);
}

function shutdown(signal) {
  if (draining) return;
  draining = true;
  globalThis[shutdownKey] = { since: Date.now(), signal };
  console.log(`${signal}: draining (grace ${graceMs / 1000} s)…`);
  const started = Date.now();
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    clearInterval(sweep);
    server.closeAllConnections();
    await Promise.race([closeResources(), new Promise((resolve) => setTimeout(resolve, closeMs))]);
    console.log(`Stopped after ${Date.now() - started} ms.`);
    process.exit(0);
  };
  // Stops accepting; the callback runs once every connection has closed.
  server.close(() => void finish());
  server.closeIdleConnections();
  // A keep-alive connection goes idle between requests: close each as soon as it does.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  setTimeout(() => void finish(), Math.max(0, graceMs - closeMs));
  // Whatever still runs at the end of the grace period (a close that hangs) does not hold the exit.
  setTimeout(() => {
    console.log(`Grace period over after ${Date.now() - started} ms: exiting.`);
    process.exit(0);
  }, graceMs).unref();
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
