"use client";

import { useId, useState } from "react";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

/** The WordPress export upload: posts the file, then shows the import's report. */
export function ImportForm() {
  const id = useId();
  const [state, setState] = useState<ActionState>({ ok: false });
  const [pending, setPending] = useState(false);
  const fileError = state.errors?.file?.[0];
  const sectionsError = state.errors?.sections?.[0];
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setState({ ok: false, message: "Importing… this can take a few minutes for a large site." });
    try {
      const response = await fetch("/api/import/wordpress", { method: "POST", body: new FormData(event.currentTarget) });
      setState((await response.json()) as ActionState);
    } catch {
      setState({ ok: false, message: "The upload failed. Please try again." });
    } finally {
      setPending(false);
    }
  }
  return (
    <form action="/api/import/wordpress" method="post" encType="multipart/form-data" onSubmit={submit} className={styles.form} noValidate>
      <div className={styles.field}>
        <label htmlFor={`${id}-file`}>WordPress export file</label>
        <input id={`${id}-file`} name="file" type="file" accept=".xml,application/xml,text/xml" required aria-invalid={fileError ? true : undefined} aria-describedby={`${id}-file-hint${fileError ? ` ${id}-file-error` : ""}`} />
        <p id={`${id}-file-hint`} className={styles.hint}>
          In WordPress: Tools › Export › All content › Download Export File.
        </p>
        {fileError && (
          <p id={`${id}-file-error`} className={styles.error}>
            {fileError}
          </p>
        )}
      </div>
      <div className={styles.field}>
        <label htmlFor={`${id}-sections`}>Section map (optional)</label>
        <textarea id={`${id}-sections`} name="sections" rows={3} aria-invalid={sectionsError ? true : undefined} aria-describedby={`${id}-sections-hint${sectionsError ? ` ${id}-sections-error` : ""}`} />
        <p id={`${id}-sections-hint`} className={styles.hint}>
          {'JSON from WordPress category slugs to Gazette sections, such as {"politics": "national", "*": "news"}. Unmapped categories become tags. Empty: each post\u2019s first category becomes its section.'}
        </p>
        {sectionsError && (
          <p id={`${id}-sections-error`} className={styles.error}>
            {sectionsError}
          </p>
        )}
      </div>
      <div className={styles.field}>
        <label>
          <input type="checkbox" name="dryRun" /> Dry run: read the file and report, write nothing
        </label>
      </div>
      <button type="submit" className={styles.secondary} disabled={pending}>
        Import
      </button>
      <div role="status" aria-live="polite" className={styles.alertSlot}>
        {state.message && (
          <pre className={state.ok ? styles.okBox : styles.errorBox}>
            {state.message}
          </pre>
        )}
      </div>
    </form>
  );
}
