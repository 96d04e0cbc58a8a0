"use client";

import { ErrorMessage } from "@/components/ui/error-message";

/**
 * A reader page that could not render (the database away, with the page not cached yet)
 * keeps the site's header and sections around this message, instead of Next.js's bare
 * error page; the site's layout already gives the page its <main>.
 */
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage as="div" reset={reset} />;
}
