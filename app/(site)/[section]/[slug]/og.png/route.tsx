import { ImageResponse } from "next/og";
import { getPublishedArticle } from "@/lib/articles/cached";
import { isSlug } from "@/lib/slug";
import { getSiteSettings } from "@/lib/site/cached";

// The OpenGraph card of an article without a hero image: its section, title and byline drawn
// on the site's colours. Drawing it costs far more than a page, so the picture itself is
// cached like a reader page: rendered on its first request (nothing at build, which never opens
// the database), then served from the cache until a tag of its data is revalidated: the
// article's slug (publish, edit, unpublish) or the site settings (the site's name). CDNs and
// browsers may keep it for a day.
export const dynamic = "force-static";

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }) {
  const { section, slug } = await params;
  const article = isSlug(section) && isSlug(slug) ? await getPublishedArticle(slug) : null;
  if (!article || article.section.slug !== section) return new Response("Not found", { status: 404 });
  const { siteName } = await getSiteSettings();
  const title = article.title.length > 140 ? `${article.title.slice(0, 137)}…` : article.title;
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "64px 72px",
          background: "#ffffff",
          color: "#1c1917",
          borderTop: "24px solid #b91c1c",
        }}
      >
        <div style={{ display: "flex", fontSize: 34, fontWeight: 700, color: "#b91c1c", textTransform: "uppercase", letterSpacing: 2 }}>
          {article.section.name}
        </div>
        <div style={{ display: "flex", fontSize: title.length > 80 ? 56 : 68, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 30, color: "#57534e" }}>
          <span>By {article.author.name}</span>
          <span style={{ fontWeight: 700, color: "#1c1917" }}>{siteName}</span>
        </div>
      </div>
    ),
    {
      width: 1200,
      height: 630,
      headers: { "Cache-Control": "public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800" },
    },
  );
}
