import styles from "@/components/ui/not-found.module.css";

export default function Forbidden() {
  return (
    <main className={styles.page}>
      <p className={styles.code}>403</p>
      <h1>You do not have access to this page</h1>
      <p>Your account&apos;s role does not allow this. Ask an admin if you need it.</p>
      <p>
        <a href="/editor">Back to the newsroom</a>
      </p>
    </main>
  );
}
