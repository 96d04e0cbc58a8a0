import type { IncomingMessage, ServerResponse } from "node:http";
import { peerHeader, type HeaderSource } from "@/lib/request";
import { ingestBeacon } from "./beacon";
import type { Outcome } from "./ingest";
import { maxBeaconBytes } from "./input";

// The read beacon without Next.js. Through Next.js's route pipeline a beacon costs 2–4 ms of
// CPU, as much as any route handler (bench row p), while deciding and counting it takes about
// 14 µs. So scripts/server.mjs (npm start, e2e, the bench) answers `POST /api/read` itself,
// before handing a request to Next.js, with the handler instrumentation.ts puts on globalThis
// under this key. It is this bundle's code, and the state it counts into is the one the
// Next.js route and the test hooks use (beacon.ts keeps it on globalThis): one aggregator and
// one flusher per process, whichever way a beacon came in. `npm run dev` has no such server:
// there the Next.js route (app/api/read) answers, with the same filters.
const handlerKey = Symbol.for("gazette.beaconHandler");

type Ingest = (headers: HeaderSource, body: string | null) => Outcome | Promise<Outcome>;

/**
 * node:http's headers read as a fetch `Headers` would be (names are lower case there). The
 * connection's address is taken from the socket, as lib/peer-address.ts stamps it for Next.js.
 */
export function nodeHeaders(req: IncomingMessage): HeaderSource {
  return {
    get(name) {
      const key = name.toLowerCase();
      if (key === peerHeader) return req.socket.remoteAddress || null;
      const value = req.headers[key];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
  };
}

/**
 * Calls `done` with the body up to `limit` bytes, or null past it (or when declared past it,
 * without reading any). Callbacks rather than promises: this runs for every beacon.
 */
function readBody(req: IncomingMessage, limit: number, done: (body: string | null) => void) {
  if (Number(req.headers["content-length"] ?? 0) > limit) return done(null);
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const stop = (body: string | null) => {
    if (finished) return;
    finished = true;
    req.removeListener("data", onData);
    done(body);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit) {
      req.pause();
      stop(null);
    } else chunks.push(chunk);
  };
  req.on("data", onData);
  req.once("end", () => stop(chunks.length === 1 ? chunks[0]!.toString("utf8") : Buffer.concat(chunks, size).toString("utf8")));
  // A client gone before the end: nothing to count.
  req.once("close", () => stop(null));
  req.once("error", () => stop(null));
}

const answered = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

/**
 * The route as a node:http handler: POST only, the body at most `maxBeaconBytes`, then the
 * same decision as the Next.js route (beacon.ts) and the same empty 204 whatever it was. A
 * body over the limit is not read: the answer closes the connection instead.
 */
export function beaconHandler(ingest: Ingest) {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") {
      res.writeHead(405, { ...answered, Allow: "POST" });
      res.end();
      return;
    }
    const answer = () => {
      if (res.headersSent) return;
      res.writeHead(204, answered);
      res.end();
    };
    const failed = (error: unknown) => console.error("Readership: a beacon failed:", error);
    readBody(req, maxBeaconBytes, (body) => {
      if (body === null) res.setHeader("Connection", "close");
      try {
        const outcome = ingest(nodeHeaders(req), body);
        if (outcome instanceof Promise) void outcome.catch(failed).finally(answer);
        else answer();
      } catch (error) {
        failed(error);
        answer();
      }
    });
  };
}

/** Called from instrumentation.ts: from then on scripts/server.mjs answers beacons itself. */
export function installBeaconFastPath() {
  (globalThis as Record<symbol, unknown>)[handlerKey] = beaconHandler((headers, body) => ingestBeacon(headers, body, "server"));
}
