"use client";

import Link from "next/link";
import styles from "@/components/ui/not-found.module.css";

/**
 * A reader page that could not render (the database away, with the page not cached yet)
 * keeps the site's header and sections around this message, instead of Next.js's bare
 * error page. Nothing of the error itself is shown: it may name servers.
 */
export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className={styles.page} role="alert">
      <h1>This page could not be loaded just now</h1>
      <p>Please try again in a minute.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        or <Link href="/">go to the front page</Link>
      </p>
    </div>
  );
}
