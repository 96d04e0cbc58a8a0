"use client";

import Link from "next/link";
import styles from "@/components/ui/not-found.module.css";

/**
 * What a page answers when its frame could not render: a staff page while the database is
 * away (the newsroom's layout reads the signed-in account), instead of Next.js's bare error
 * page. Reader pages have their own, inside the site's header (app/(site)/error.tsx).
 */
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className={styles.page} role="alert">
      <h1>This page could not be loaded just now</h1>
      <p>Please try again in a minute.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        or <Link href="/">go to the front page</Link>
      </p>
    </main>
  );
}
