"use client";

import { ErrorMessage } from "@/components/ui/error-message";

/**
 * What a page answers when its frame could not render: a staff page while the database is
 * away (the newsroom's layout reads the signed-in account), instead of Next.js's bare error
 * page. Reader pages have their own, inside the site's header (app/(site)/error.tsx).
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage as="main" reset={reset} />;
}
