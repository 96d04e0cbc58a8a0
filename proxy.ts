import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { authConfig } from "./auth.config";
import { actionBodyLimitBytes } from "./lib/body-limit.mjs";
import { contentSecurityPolicy } from "./lib/content-security-policy.mjs";
import { authSecret } from "./lib/env";
import { encodePath } from "./lib/redirects/paths";
import { lookupRedirect } from "./lib/redirects/lookup";
import { authUrlFromSiteUrl } from "./lib/site-origin";
import { isStaffPath, notFoundPages, signInPath } from "./lib/routes.mjs";

const { auth } = NextAuth(() => {
  authUrlFromSiteUrl();
  return { ...authConfig, secret: authSecret() };
});

/**
 * Staff pages render per request anyway, so they get a per-request nonce with
 * 'strict-dynamic' instead of the reader pages' static policy.
 */
function staffPolicy(nonce: string) {
  return contentSecurityPolicy(`'nonce-${nonce}' 'strict-dynamic'`);
}

// Runs only for the paths in `config.matcher`, so cached reader pages never pay for it.
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Next.js answers an action body over its limit with a 500; the sender should learn it was too large.
  // (The WordPress import's own route takes exports far larger, checks its own limit, and is
  // left out of the matcher below.)
  if (Number(request.headers.get("content-length") ?? 0) > actionBodyLimitBytes && pathname !== "/api/import/wordpress") {
    return new NextResponse("This upload is too large: images may be at most 10 MB.", {
      status: 413,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // A path that is not valid percent-encoded UTF-8 (such as "/world/%FF") makes Next.js fail
  // with a bare 500 while decoding it; such a path names no page, so it gets the site's 404.
  try {
    decodeURIComponent(pathname);
  } catch {
    return NextResponse.rewrite(new URL(notFoundPages.reader, request.url));
  }

  const bare = pathname.length > 1 ? pathname.replace(/\/+$/, "") || "/" : pathname;
  const ownPath = isStaffPath(bare) || bare === signInPath || bare.startsWith("/api/");
  if (!ownPath) {
    // Only addresses no Gazette page has reach here (see the matcher): old WordPress links.
    const to = await lookupRedirect(`${pathname}${search}`);
    if (to) return NextResponse.redirect(new URL(encodePath(to), request.url), 301);
  }
  // Next.js's own trailing-slash redirect is off (next.config.mjs) so that an old link's first
  // answer is its 301; any other such address still loses its slash, with a 301 too (an old
  // WordPress page "/about/" now at "/about"), or a 308 for a form's POST, which must stay one.
  if (bare !== pathname) {
    // A plain URL: a clone of nextUrl keeps the trailing slash it was parsed with and puts it
    // back, which made this redirect point at itself.
    return NextResponse.redirect(new URL(`${bare}${search}`, request.url), request.method === "GET" || request.method === "HEAD" ? 301 : 308);
  }
  if (!isStaffPath(pathname) && pathname !== signInPath) return NextResponse.next();

  // Redirecting here is convenience: every staff page and action checks the role itself.
  // The redirect is on the request's own origin, which Next.js turns into a relative Location:
  // the browser stays on the address it used, whatever Host a proxy in front sent.
  if (isStaffPath(pathname)) {
    const session = await auth();
    if (!session?.user) {
      const login = new URL(signInPath, request.url);
      login.searchParams.set("next", `${pathname}${search}`);
      return NextResponse.redirect(login);
    }
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = staffPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from the request's policy and puts it on its own scripts.
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-gazette-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

// Next.js reads the matcher from this file without running it, so it is written out here;
// lib/routes.test.ts checks that it covers every staff prefix and the sign-in page of the
// route map (lib/routes.mjs), and no reader page.
export const config = {
  matcher: [
    "/editor/:path*",
    "/editor",
    "/moderation/:path*",
    "/moderation",
    "/admin/:path*",
    "/admin",
    "/dashboard/:path*",
    "/dashboard",
    "/login",
    // percent-escapes of bytes that can start or continue a malformed UTF-8 sequence
    "/:path((?:.*)%(?:[89A-Fa-f][0-9A-Fa-f]).*)",
    // bodies of 10,000,000 bytes or more, anywhere but the WordPress upload, which streams its
    // own (a proxy in its way would cut the body off at its limit): checked against the limit above
    { source: "/:path((?!api/import/wordpress$).*)", has: [{ type: "header", key: "content-length", value: "\\d{8,}" }] },
    // Addresses of shapes no reader page has, where an old WordPress link may be: a trailing
    // slash, three or more segments, WordPress's own paths, and ?p= / ?page_id= /
    // ?attachment_id= on the home page. The article, section and home pages themselves never
    // pass through here, nor an article's comment pages, permalinks and report forms. (Old
    // one- and two-segment links without the slash are answered by scripts/server.mjs.)
    "/:path((?!_next/).+/)",
    "/:path((?!_next/|api/|media/|search/|editor/|moderation/|admin/)(?!.*/og\\.png$)(?![^/]+/[^/]+/comments/\\d+$)(?![^/]+/[^/]+/comment/\\d+(?:/report)?$)[^/]+/[^/]+/.+)",
    "/category/:path*",
    "/feed",
    "/comments/feed",
    { source: "/", has: [{ type: "query", key: "p" }] },
    { source: "/", has: [{ type: "query", key: "page_id" }] },
    { source: "/", has: [{ type: "query", key: "attachment_id" }] },
  ],
};
