import type { Metadata } from "next";
import { NewsroomNotFoundContent, notFoundMetadata } from "@/components/ui/not-found-page";

export const metadata: Metadata = notFoundMetadata;

/**
 * The newsroom's 404, whole, in its frame. A staff page renders per request, so its own
 * notFound() can only send Next.js's empty error document; scripts/server.mjs sends this page
 * in its place, with the 404 (scripts/whole-not-found.mjs, `notFoundPages` in lib/routes.mjs),
 * and answers 404 for this address itself too.
 */
export default function NewsroomNotFoundPage() {
  return <NewsroomNotFoundContent />;
}
