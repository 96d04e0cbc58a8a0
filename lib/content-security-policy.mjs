// One Content-Security-Policy for the whole site; only its script-src differs between the
// cached reader pages (next.config.mjs) and the per-request staff pages (proxy.ts).

/** @param {string} scriptSrc the script-src sources after 'self' */
export function contentSecurityPolicy(scriptSrc) {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
