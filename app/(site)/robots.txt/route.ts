import { env } from "@/lib/env";
import { disallowedForCrawlers } from "@/lib/routes.mjs";

export const dynamic = "force-dynamic";

/** Staff screens, sign-in and the API are no business of crawlers; both sitemaps are named. */
const disallowed = disallowedForCrawlers;

export function GET() {
  const siteUrl = env().SITE_URL;
  const body = [
    "User-agent: *",
    "Allow: /",
    ...disallowed.map((path) => `Disallow: ${path}`),
    "",
    `Sitemap: ${siteUrl}/sitemap.xml`,
    `Sitemap: ${siteUrl}/news-sitemap.xml`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
