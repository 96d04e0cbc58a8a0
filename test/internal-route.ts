import { mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

export type InternalRequest = { tags: string[]; token: string | undefined };

/**
 * A real HTTP server standing in for this instance's own `/api/internal/revalidate`, which
 * work outside a request (expireFromBackground) asks to expire tags. It records each request,
 * and is closed after the test file. It sets PORT (where expireFromBackground calls), and an
 * AUTH_SECRET and DATA_DIR of the test's own: call it before the modules that read env().
 */
export async function serveInternalRoute(): Promise<InternalRequest[]> {
  const received: InternalRequest[] = [];
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method === "POST" && req.url === "/api/internal/revalidate") {
      received.push({ tags: JSON.parse(body).tags, token: req.headers["x-gazette-internal"] as string | undefined });
    }
    res.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  process.env.PORT = String((server.address() as AddressInfo).port);
  process.env.AUTH_SECRET = "a-test-secret-that-is-long-enough-for-hmac";
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "gazette-test-"));
  return received;
}
