import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import styles from "@/components/ui/not-found.module.css";

/** What a 404 says, in the site's chrome (app/(site)/not-found.tsx) and in NotFoundPage. */
export function NotFoundContent() {
  return (
    <div className={styles.page}>
      <p className={styles.code}>404</p>
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or has moved. Try the search above, or start again from the front page.</p>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </div>
  );
}

/**
 * What a 404 says in the newsroom's frame: after a client navigation (app/(newsroom)/not-found.tsx),
 * and in the page scripts/server.mjs sends for a staff path (app/(newsroom)/dashboard/not-found).
 */
export function NewsroomNotFoundContent() {
  return (
    <div className={styles.page}>
      <p className={styles.code}>404</p>
      <h1>Page not found</h1>
      <p>No newsroom page has this address: what it showed may have been deleted, or the link is mistyped.</p>
      <p>
        <a href="/dashboard">Back to the dashboard</a>
      </p>
    </div>
  );
}

export const notFoundMetadata: Metadata = { title: "Page not found", robots: { index: false } };

function NotFoundStatus(): never {
  notFound();
}

/**
 * A 404 that arrives as a whole page. A page that calls `notFound()` itself gets, from
 * Next.js 16, an empty `<html id="__next_error__">` shell whose content only JavaScript
 * draws: React's server renderer has no error boundaries, so the error escapes the layout.
 * Thrown inside a Suspense boundary instead, it still sets the 404 status (Next.js keeps the
 * prerendered content outside the boundary), and the page around it is real HTML: the site's
 * chrome, its title and this message. In the browser the boundary then shows the same
 * not-found page. Only in a cached page, though: rendered per request, the page would answer
 * 200. Those call `notFound()`, and scripts/server.mjs sends the site's cached not-found page
 * in place of the empty shell (scripts/whole-not-found.mjs).
 */
export function NotFoundPage() {
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  );
}
