// Old addresses are stored and looked up in one form, so that "/2019/05/héllo/",
// "/2019/05/h%C3%A9llo" and "https://old.example/2019/05/h%c3%a9llo/" are the same key.

const keptQuery = ["p", "page_id", "attachment_id"];

/** A path (or absolute URL) in its lookup form: percent-decoded, no trailing slash, only ?p=, ?page_id= and ?attachment_id= kept. */
export function normalizePath(pathOrUrl: string): string {
  let url: URL;
  try {
    url = new URL(pathOrUrl, "http://x");
  } catch {
    return "";
  }
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape stays as it was written
  }
  // No stored address has control characters (a NUL byte is not even valid PostgreSQL text).
  if (/[\u0000-\u001f\u007f]/.test(path)) return "";
  path = path.replace(/\/+$/, "") || "/";
  const query = keptQuery.filter((k) => url.searchParams.get(k)).map((k) => `${k}=${url.searchParams.get(k)}`);
  return query.length > 0 ? `${path === "/" ? "" : path}/?${query[0]}`.replace(/^\/\?/, "/?") : path;
}

/** A stored path as a Location header value: non-ASCII percent-encoded again. */
export function encodePath(path: string): string {
  return encodeURI(path).replace(/%25([0-9A-Fa-f]{2})/g, "%$1");
}
