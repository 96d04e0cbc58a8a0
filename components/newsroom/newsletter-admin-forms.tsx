"use client";

import { useId } from "react";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Option = { id: number; name: string };

function ErrorFor({ id, state, field }: { id: string; state: ActionState; field: string }) {
  const error = state.errors?.[field]?.[0];
  return error ? (
    <p id={`${id}-${field}-error`} className={styles.error}>
      {error}
    </p>
  ) : null;
}

export type NewsletterFormValues = { id: string; name: string; description: string; kind: "digest" | "breaking"; sections: number[]; sendTime: string; enabled: boolean };

/** Create or edit a list: name, description, kind, the digest's sections and local send time, on/off. */
export function NewsletterForm({ action, initial, sections, submit, timeZone }: { action: Action; initial: NewsletterFormValues; sections: Option[]; submit: string; timeZone: string }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  const v = (name: "name" | "description" | "kind" | "sendTime") => (state.ok || !state.values ? initial[name] : (state.values[name] ?? initial[name]));
  const described = (field: string) => (state.errors?.[field]?.[0] ? `${id}-${field}-error` : undefined);
  return (
    <form action={formAction} className={styles.form} noValidate key={state.ok ? `saved-${state.message}` : "form"}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <div>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} name="name" defaultValue={v("name")} required maxLength={80} aria-invalid={described("name") ? true : undefined} aria-describedby={described("name")} />
        <ErrorFor id={id} state={state} field="name" />
      </div>
      <div>
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea id={`${id}-description`} name="description" defaultValue={v("description")} maxLength={300} rows={2} aria-describedby={described("description")} />
        <ErrorFor id={id} state={state} field="description" />
      </div>
      <div>
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} name="kind" defaultValue={v("kind")} aria-describedby={described("kind")}>
          <option value="digest">Daily digest of chosen sections</option>
          <option value="breaking">Breaking news (articles marked “Send as breaking news”)</option>
        </select>
        <ErrorFor id={id} state={state} field="kind" />
      </div>
      <fieldset>
        <legend>Sections in the digest (none ticked: every section)</legend>
        {sections.map((s) => (
          <span key={s.id} className={styles.check}>
            <input id={`${id}-section-${s.id}`} type="checkbox" name="sections" value={s.id} defaultChecked={initial.sections.includes(s.id)} />
            <label htmlFor={`${id}-section-${s.id}`}>{s.name}</label>{" "}
          </span>
        ))}
      </fieldset>
      <div>
        <label htmlFor={`${id}-sendTime`}>Send time ({timeZone})</label>
        <input id={`${id}-sendTime`} name="sendTime" type="time" defaultValue={v("sendTime")} aria-invalid={described("sendTime") ? true : undefined} aria-describedby={described("sendTime")} />
        <ErrorFor id={id} state={state} field="sendTime" />
      </div>
      <div className={styles.check}>
        <input id={`${id}-enabled`} type="checkbox" name="enabled" defaultChecked={state.values && !state.ok ? state.values.enabled === "on" : initial.enabled} />
        <label htmlFor={`${id}-enabled`}>On (offered on the site and sent)</label>
      </div>
      <button type="submit" disabled={pending}>
        {submit}
      </button>
      <p role="status" aria-live="polite" className={state.ok ? styles.hint : styles.error}>
        {state.message ?? ""}
      </p>
    </form>
  );
}

/** CSV import: a file or pasted text, the lists, and whether the admin attests consent. */
export function ImportForm({ action, lists }: { action: Action; lists: Option[] }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  return (
    <form action={formAction} className={styles.form} noValidate>
      <div>
        <label htmlFor={`${id}-file`}>CSV file</label>
        <input id={`${id}-file`} name="file" type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`} />
      </div>
      <div>
        <label htmlFor={`${id}-csv`}>Or paste CSV</label>
        <textarea id={`${id}-csv`} name="csv" rows={4} defaultValue={state.ok ? "" : (state.values?.csv ?? "")} aria-describedby={`${id}-hint${state.errors?.csv ? ` ${id}-csv-error` : ""}`} />
        <p id={`${id}-hint`} className={styles.hint}>
          One address a row; a column headed “email” is used when there is one. Suppressed addresses (unsubscribed, bounced) are always skipped.
        </p>
        <ErrorFor id={id} state={state} field="csv" />
      </div>
      <fieldset aria-describedby={state.errors?.lists ? `${id}-lists-error` : undefined}>
        <legend>Subscribe them to</legend>
        {lists.map((l) => (
          <span key={l.id} className={styles.check}>
            <input id={`${id}-list-${l.id}`} type="checkbox" name="lists" value={l.id} />
            <label htmlFor={`${id}-list-${l.id}`}>{l.name}</label>{" "}
          </span>
        ))}
        <ErrorFor id={id} state={state} field="lists" />
      </fieldset>
      <div className={styles.check}>
        <input id={`${id}-attest`} type="checkbox" name="attest" />
        <label htmlFor={`${id}-attest`}>I attest that every address gave consent to these newsletters (no confirmation email is sent)</label>
      </div>
      <button type="submit" disabled={pending}>
        Import
      </button>
      <p role="status" aria-live="polite" className={state.ok ? styles.hint : styles.error}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
