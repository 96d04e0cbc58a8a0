import Link from "next/link";
import styles from "@/components/not-found.module.css";

export default function SiteNotFound() {
  return (
    <div className={styles.page}>
      <p className={styles.code}>404</p>
      <h1>Page not found</h1>
      <p>The page you asked for does not exist, or has moved. Try the search above, or start again from the front page.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
