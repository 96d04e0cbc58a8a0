import type { Metadata } from "next";
import styles from "@/components/ui/not-found.module.css";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

// The last resort for URLs outside every route (under /api or /media, say). It is
// prerendered at build time, so it reads nothing from the database and names no site; pages
// inside the site render their own not-found within the full header and navigation.
export default function NotFound() {
  return (
    <main className={styles.page}>
      <p className={styles.code}>404</p>
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or has moved.</p>
      <form action="/search" method="get" role="search" aria-label="Site search" className={styles.search}>
        <label htmlFor="not-found-search">Search the articles</label>
        <input id="not-found-search" name="q" type="search" maxLength={200} />
        <button type="submit">Search</button>
      </form>
      <p>
        <a href="/">Go to the front page</a>
      </p>
    </main>
  );
}
