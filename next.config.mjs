import { fileURLToPath } from "node:url";
import { contentSecurityPolicy as policy } from "./lib/content-security-policy.mjs";
import { actionBodyLimit } from "./lib/body-limit.mjs";
import { cachedReaderPaths, noncePolicyPaths, redirects, rewrites, staticPolicyPaths } from "./lib/routes.mjs";

// Reader pages are cached and carry no nonce (a nonce would make every request render), so
// their policy allows inline scripts from Next.js itself and no other origin; the allow-list
// sanitizer is what keeps untrusted text inert there. Staff pages get a per-request nonce
// from proxy.ts instead.
const contentSecurityPolicy = policy("'unsafe-inline'");

// Reader pages are the same bytes for everyone: a CDN or nginx may keep them briefly and
// serve a stale copy while it fetches the new one. Short, because nothing purges a CDN when
// an article changes; the origin itself is fresh within a second of a revalidation. (Next.js
// would send `s-maxage=<revalidate>` without `public`, which some caches refuse and others
// keep for an hour.) Staff pages render per request and get Next.js's own
// `private, no-cache, no-store`; action responses get its `no-cache, no-store`.
const readerCacheControl = "public, max-age=0, s-maxage=5, stale-while-revalidate=55";

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // No image optimizer: every picture is a stored variant (components/site/stored-image.tsx),
  // made at upload (WebP) or on first request and kept (AVIF). Off, /_next/image answers 404,
  // and nobody can make the server encode images on request.
  images: { unoptimized: true },
  // proxy.ts strips trailing slashes itself, after looking the address up among the old
  // WordPress links (which all end in one), so that such a link answers its 301 first.
  skipTrailingSlashRedirect: true,
  // Next.js would hash every response body to make an ETag, on every request: a fifth of the
  // CPU a cached article costs. The cache handler stores one ETag with each rendered page
  // instead, which nginx or a CDN use to answer conditional requests with 304.
  generateEtags: false,
  reactStrictMode: true,
  // PGlite loads its WebAssembly and data files from its own package directory; bundled, the
  // build succeeds and every query fails.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "sharp", "pg-boss"],
  // Rendered pages live in memory (and in Redis when REDIS_URL is set), never in .next/ on
  // disk, where a page rendered from one database would outlive a switch to another.
  // A hero image may be 10 MB (lib/media/images.ts); the form's other fields ride along.
  // proxy.ts runs on staff paths and would cut a body off at 10 MB before the action read it.
  experimental: {
    isrFlushToDisk: false,
    authInterrupts: true,
    serverActions: { bodySizeLimit: actionBodyLimit },
    proxyClientMaxBodySize: actionBodyLimit,
    // A page's stylesheets (13 KB for an article, about 3 KB compressed) ride in its head instead
    // of a render-blocking request for each chunk: most readers arrive at one article from a link, on a phone, and
    // paint a round trip sooner. A reader who stays fetches them again with each page.
    inlineCss: true,
    // Inlined, a stylesheet costs no request but is written into the head and again into the
    // RSC payload for each segment (and each not-found and forbidden fallback) that imports it.
    // The default chunking merges every CSS module in the application into one 18 KB chunk,
    // staff screens' included, so a reader page carried it five times over: 166 KB of HTML for
    // an article. Chunked by which pages use what, with no
    // charge for a request (there are none), a page carries only its own rules: 99 KB.
    cssChunking: { type: "graph", requestCost: 0 },
  },
  cacheHandler: fileURLToPath(new URL("./lib/cache/cache-handler.mjs", import.meta.url)),
  // Each instance's share of memory for rendered pages and cached queries; 10,000 article
  // pages take about 1 GB, so the least read fall out and render again when asked for.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      // Staff pages and the login page get a per-request nonce policy from proxy.ts instead.
      { source: staticPolicyPaths, headers: securityHeaders },
      { source: noncePolicyPaths, headers: securityHeaders.filter((h) => h.key !== "Content-Security-Policy") },
      // Not staff screens, sign-in, API routes, media, Next.js internals or a subscriber's own pages.
      { source: cachedReaderPaths, headers: [{ key: "Cache-Control", value: readerCacheControl }] },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
  // The home page, listing pages and search (lib/routes.mjs).
  async rewrites() {
    return rewrites;
  },
  async redirects() {
    return redirects;
  },
};

export default nextConfig;
