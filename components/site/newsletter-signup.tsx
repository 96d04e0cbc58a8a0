import { getSignupLists } from "@/lib/newsletters/cached";
import { NewsletterSignupForm } from "./newsletter-signup-form";
import styles from "./newsletter-signup.module.css";

/**
 * The newsletter signup box for reader pages. Cached with the page (the lists are tagged
 * `newsletters`) and the same for every reader: whatever is per reader happens in the post.
 * `source` names the form in the consent record: "home", "section:world", "article:12".
 */
export async function NewsletterSignup({ source }: { source: string }) {
  const lists = await getSignupLists();
  if (lists.length === 0) return null;
  return (
    <section aria-labelledby={`newsletters-${source.replace(/[^a-z0-9]/gi, "-")}`} className={styles.widget}>
      <h2 id={`newsletters-${source.replace(/[^a-z0-9]/gi, "-")}`} className={styles.heading}>
        Newsletters
      </h2>
      <NewsletterSignupForm lists={lists} source={source} />
    </section>
  );
}
