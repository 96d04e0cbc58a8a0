import Link from "next/link";
import styles from "@/components/not-found.module.css";

// The last resort for URLs outside every route. It is prerendered at build time, so it
// reads nothing from the database; pages inside the site render their own not-found within
// the full header and navigation.
export default function NotFound() {
  return (
    <main className={styles.page}>
      <p className={styles.code}>404</p>
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or has moved.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </main>
  );
}
