import { env } from "@/lib/env";

/** The site's public address when SITE_URL is set; unset, the request's own Host is all there is. */
function configuredSiteUrl(): string | undefined {
  return process.env.SITE_URL ? env().SITE_URL : undefined;
}

/**
 * Auth.js builds its redirects (the one after signing out) from AUTH_URL, else from the
 * request's Host. Behind a reverse proxy that Host is whatever the proxy sent: its upstream's
 * name ("localhost:3000", an internal host) unless it forwards the reader's. So with SITE_URL
 * set, AUTH_URL is derived from it, unless the operator set AUTH_URL themselves.
 */
export function authUrlFromSiteUrl() {
  const site = configuredSiteUrl();
  if (site && !process.env.AUTH_URL) process.env.AUTH_URL = `${site}/api/auth`;
}
