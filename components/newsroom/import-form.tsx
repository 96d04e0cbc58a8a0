"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

/** The WordPress export upload: posts the file, then shows the import's report. */
export function ImportForm() {
  const id = useId();
  const [state, setState] = useState<ActionState>({ ok: false });
  const [pending, setPending] = useState(false);
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
      <Field
        id={`${id}-file`}
        label="WordPress export file"
        hint="In WordPress: Tools › Export › All content › Download Export File."
        error={state.errors?.file?.[0]}
        className={styles.field}
      >
        {(control) => <input {...control} name="file" type="file" accept=".xml,application/xml,text/xml" required />}
      </Field>
      <Field
        id={`${id}-sections`}
        label="Section map (optional)"
        hint={'JSON from WordPress category slugs to Gazette sections, such as {"politics": "national", "*": "news"}. Unmapped categories become tags. Empty: each post\u2019s first category becomes its section.'}
        error={state.errors?.sections?.[0]}
        className={styles.field}
      >
        {(control) => <textarea {...control} name="sections" rows={3} />}
      </Field>
      <div className={styles.field}>
        <label>
          <input type="checkbox" name="dryRun" /> Dry run: read the file and report, write nothing
        </label>
      </div>
      <button type="submit" className={styles.secondary} disabled={pending}>
        Import
      </button>
      <FormStatus state={state} />
    </form>
  );
}
