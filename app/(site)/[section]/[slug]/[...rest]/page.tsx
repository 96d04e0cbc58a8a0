import type { Metadata } from "next";
import { NotFoundPage, notFoundMetadata } from "@/components/ui/not-found-page";

// Deeper paths under an article are never pages; they get the site's 404, not a 500.
export const metadata: Metadata = notFoundMetadata;

// Rendered like the site's other pages (on first request, then cached): only there does the
// 404 of NotFoundPage set the status; a page rendered per request would answer 200.
export async function generateStaticParams() {
  return [];
}

export default function Page() {
  return <NotFoundPage />;
}
