import { NextResponse, type NextRequest } from "next/server";

// Runs only for the paths in `config.matcher`, so cached reader pages never pay for it.
export function proxy(request: NextRequest) {
  // A path that is not valid percent-encoded UTF-8 (such as "/%FF") makes Next.js itself fail
  // with a bare 500 while decoding it; such a path names no page, so it gets the site's 404.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.rewrite(new URL("/-", request.url));
  }
  return NextResponse.next();
}

export const config = {
  matcher: [
    // percent-escapes of bytes that can start or continue a malformed UTF-8 sequence
    "/:path((?:.*)%(?:[89A-Fa-f][0-9A-Fa-f]).*)",
  ],
};
