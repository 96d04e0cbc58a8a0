// The route map: every address the site fixes, in one place. next.config.mjs takes its
// headers, rewrites and redirects from here, proxy.ts which paths are staff paths, the
// sign-in form where it may send someone back to, and the section and page forms which slugs
// are taken. A new fixed route is one line in `fixedRoutes`; lib/routes.test.ts fails when a
// route directory under app/ is missing from it. (A plain .mjs module, with its types in
// routes.d.mts, because next.config.mjs is loaded by Node itself.)

/**
 * The first path segment of every fixed route, and what kind of route it is:
 * - "reader": a page or file for readers, the same for everyone, and cached (`Cache-Control`
 *   public, the static Content-Security-Policy);
 * - "per-reader": for readers, but made for one (a subscription's own page): never cached;
 * - "media": uploaded images, with their own caching headers;
 * - "api": API routes; "internal": Next.js's own files;
 * - "staff": the newsroom, behind sign-in (proxy.ts sends the signed-out to the sign-in page)
 *   with a per-request nonce policy;
 * - "sign-in": the sign-in page, with a per-request nonce policy;
 * - "reserved": no route yet, but kept from sections and pages because a route may come
 *   there, or a reader would take a section there for part of the site.
 * Every one of them is refused as a section slug and as a top-level page slug.
 */
export const fixedRoutes = {
  author: "reader", // /author/{slug}, a listing
  tag: "reader", // /tag/{slug}, a listing
  search: "reader", // /search?q=…, rewritten to /search/{q}/{page}
  edition: "reader", // the home page's own route, behind the "/" rewrite
  "feed.xml": "reader",
  "sitemap.xml": "reader",
  "news-sitemap.xml": "reader",
  sitemaps: "reader", // the sitemaps' own route, behind the /sitemap.xml and /news-sitemap.xml rewrites
  "robots.txt": "reader",
  "favicon.ico": "reader",
  "icon.svg": "reader",

  "apple-icon.png": "reader",
  newsletters: "per-reader",
  media: "media",
  api: "api",
  _next: "internal",
  editor: "staff",
  moderation: "staff",
  admin: "staff",
  dashboard: "staff",
  login: "sign-in",
  logout: "reserved",
  page: "reserved",
  static: "reserved",
  public: "reserved",
  assets: "reserved",
  rss: "reserved",
  feed: "reserved",
  sitemap: "reserved",
  auth: "reserved",
  account: "reserved",
  settings: "reserved",
};

/** Fixed segments below a section (/{section}/…) and below an article (/{section}/{slug}/…). */
export const sectionRoutes = ["page", "feed.xml"];
export const articleRoutes = ["comments", "comment", "og.png"];

const segmentsOf = (/** @type {string[]} */ kinds) =>
  Object.entries(fixedRoutes)
    .filter(([, kind]) => kinds.includes(kind))
    .map(([segment]) => segment);

/** First path segments no section or top-level page may take. */
export const reservedSlugs = new Set(Object.keys(fixedRoutes));

export const signInPath = "/login";
export const staffPrefixes = segmentsOf(["staff"]).map((s) => `/${s}`);

/**
 * The site's own not-found pages, which scripts/server.mjs sends with a 404 where Next.js has
 * only an empty document (scripts/whole-not-found.mjs): the reader pages' one, cached like
 * them, at a path no section or page can take ("-" is no slug), and the newsroom's, in its
 * frame, for staff paths.
 */
export const notFoundPages = { reader: "/-", staff: "/dashboard/not-found" };

/** A newsroom path: /editor, /editor/…, /admin, … */
export function isStaffPath(pathname) {
  return staffPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** Where the sign-in form may send someone after signing in: same-site staff paths only. */
export function isSignInReturnPath(value) {
  return staffReturnPath.test(value);
}
const staffReturnPath = new RegExp(`^(?:${staffPrefixes.join("|")})(?:[/?][\\w\\-/?=&%.]*)?$`);

/** Paths that robots.txt keeps crawlers out of. */
export const disallowedForCrawlers = [...staffPrefixes, signInPath, "/api/"];

const escape = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A Next.js path pattern for every path except those under the given first segments. */
const allExcept = (/** @type {string[]} */ segments) => `/:path((?!(?:${segments.map(escape).join("|")})(?:/|$)).*)`;

/** Paths with the reader pages' static policy; the others get a nonce policy from proxy.ts. */
export const staticPolicyPaths = allExcept(segmentsOf(["staff", "sign-in"]));
/** Paths with a per-request nonce policy from proxy.ts (see `staticPolicyPaths`). */
export const noncePolicyPaths = `/:path((?:${segmentsOf(["staff", "sign-in"]).map(escape).join("|")})(?:/.*)?)`;
/** Paths whose pages are the same for every reader, and may be kept by a CDN. */
export const cachedReaderPaths = allExcept(segmentsOf(["per-reader", "media", "api", "internal", "staff", "sign-in"]));

/** The home page's real route: rendered on its first request and cached like an article. */
export const homeRoute = "/edition/home";

/** Listings, paged with `?page=N`; each page is a path of its own ({listing}/page/{n}). */
export const listings = ["/author/:slug", "/tag/:slug", "/:section"];

const slug = "([a-z0-9][a-z0-9-]*)";
const pageNumber = { type: "query", key: "page", value: "(?<page>[0-9]{1,6})" };
const searchQuery = { type: "query", key: "q", value: "(?<q>(?!\\.{1,2}$)[^/\\\\%?#\\x00-\\x1f\\x7f]{1,1000})" };

export const rewrites = {
  // Home is rendered on its first request and cached like an article: as a dynamic route
  // it is never prerendered, so `next build` never opens the database.
  beforeFiles: [
    { source: "/", destination: homeRoute },
    // The sitemaps likewise: rendered on first request and cached (app/(site)/sitemaps).
    { source: "/sitemap.xml", destination: "/sitemaps/sitemap.xml" },
    { source: "/news-sitemap.xml", destination: "/sitemaps/news-sitemap.xml" },
    // A search becomes a path of its own too, `/search/<query>/<page>`, and so a cached page
    // (reading searchParams would render every search per request). Only queries that
    // cannot change the path's shape are rewritten: no "/", backslash, "%", "?", "#" or
    // control character (URL parsing drops tabs and line breaks, so ".\t." would become
    // ".."), and not "." or ".." alone; the rare others stay on `/search` and render per
    // request.
    { source: "/search", has: [searchQuery, pageNumber], destination: "/search/:q/:page" },
    // Any other page value: the cached route's whole-page 404, never into the path.
    { source: "/search", has: [searchQuery, { type: "query", key: "page" }], destination: "/search/:q/invalid" },
    { source: "/search", has: [searchQuery], missing: [{ type: "query", key: "page" }], destination: "/search/:q/1" },
  ],
  // `?page=N` of a listing becomes a path of its own, so every page of a section, author
  // or tag is cached like an article (reading searchParams would render per request).
  // Only slug-shaped names are rewritten; anything else answers 404 at its own address.
  afterFiles: listings.flatMap((path) => [
    { source: `${path}${slug}`, has: [pageNumber], destination: `${path}/page/:page` },
    // Any other page value ("abc", "..", a 30-digit number) goes to a page that is not one,
    // and so gets the 404: never into the path, where ".." would resolve elsewhere.
    { source: `${path}${slug}`, has: [{ type: "query", key: "page" }], destination: `${path}/page/invalid` },
  ]),
};

// The rewrites' targets are not addresses of their own: one page, one URL.
export const redirects = [
  { source: "/edition/:edition", destination: "/", permanent: true },
  { source: "/sitemaps/:name", destination: "/:name", permanent: true },
  ...listings.map((path) => ({ source: `${path}/page/:page(\\d+)`, destination: `${path}?page=:page`, permanent: true })),
  { source: "/search/:q/:page", destination: "/search?q=:q&page=:page", permanent: true },
];
