"use client";

import { useId } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Option = { id: number; name: string };

export type NewsletterFormValues = { id: string; name: string; description: string; kind: "digest" | "breaking"; sections: number[]; sendTime: string; enabled: boolean };

/** Create or edit a list: name, description, kind, the digest's sections and local send time, on/off. */
export function NewsletterForm({ action, initial, sections, submit, timeZone }: { action: Action; initial: NewsletterFormValues; sections: Option[]; submit: string; timeZone: string }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  const v = (name: "name" | "description" | "kind" | "sendTime") => (state.ok || !state.values ? initial[name] : (state.values[name] ?? initial[name]));
  const error = (field: string) => state.errors?.[field]?.[0];
  return (
    <form action={formAction} className={styles.form} noValidate key={state.ok ? `saved-${state.message}` : "form"}>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <Field id={`${id}-name`} label="Name" error={error("name")}>
        {(control) => <input {...control} name="name" defaultValue={v("name")} required maxLength={80} />}
      </Field>
      <Field id={`${id}-description`} label="Description" error={error("description")}>
        {(control) => <textarea {...control} name="description" defaultValue={v("description")} maxLength={300} rows={2} />}
      </Field>
      <Field id={`${id}-kind`} label="Kind" error={error("kind")}>
        {(control) => (
          <select {...control} name="kind" defaultValue={v("kind")}>
            <option value="digest">Daily digest of chosen sections</option>
            <option value="breaking">Breaking news (articles marked “Send as breaking news”)</option>
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Sections in the digest (none ticked: every section)</legend>
        {sections.map((s) => (
          <span key={s.id} className={styles.check}>
            <input id={`${id}-section-${s.id}`} type="checkbox" name="sections" value={s.id} defaultChecked={initial.sections.includes(s.id)} />
            <label htmlFor={`${id}-section-${s.id}`}>{s.name}</label>{" "}
          </span>
        ))}
      </fieldset>
      <Field id={`${id}-sendTime`} label={`Send time (${timeZone})`} error={error("sendTime")}>
        {(control) => <input {...control} name="sendTime" type="time" defaultValue={v("sendTime")} />}
      </Field>
      <div className={styles.check}>
        <input id={`${id}-enabled`} type="checkbox" name="enabled" defaultChecked={state.values && !state.ok ? state.values.enabled === "on" : initial.enabled} />
        <label htmlFor={`${id}-enabled`}>On (offered on the site and sent)</label>
      </div>
      <button type="submit" disabled={pending}>
        {submit}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

/** CSV import: a file or pasted text, the lists, and whether the admin attests consent. */
export function ImportForm({ action, lists }: { action: Action; lists: Option[] }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  return (
    <form action={formAction} className={styles.form} noValidate>
      {/* The hint under the pasted CSV is for the file too. */}
      <Field id={`${id}-file`} label="CSV file" error={state.errors?.file?.[0]}>
        {(control) => <input {...control} aria-describedby={control["aria-describedby"] ?? `${id}-csv-hint`} name="file" type="file" accept=".csv,text/csv" />}
      </Field>
      <Field
        id={`${id}-csv`}
        label="Or paste CSV"
        hint="One address a row; a column headed “email” is used when there is one. Suppressed addresses (unsubscribed, bounced) are always skipped."
        error={state.errors?.csv?.[0]}
      >
        {(control) => <textarea {...control} name="csv" rows={4} defaultValue={state.ok ? "" : (state.values?.csv ?? "")} />}
      </Field>
      <fieldset aria-describedby={state.errors?.lists ? `${id}-lists-error` : undefined}>
        <legend>Subscribe them to</legend>
        {lists.map((l) => (
          <span key={l.id} className={styles.check}>
            <input id={`${id}-list-${l.id}`} type="checkbox" name="lists" value={l.id} />
            <label htmlFor={`${id}-list-${l.id}`}>{l.name}</label>{" "}
          </span>
        ))}
        <FieldError id={`${id}-lists`} error={state.errors?.lists?.[0]} />
      </fieldset>
      <div className={styles.check}>
        <input id={`${id}-attest`} type="checkbox" name="attest" />
        <label htmlFor={`${id}-attest`}>I attest that every address gave consent to these newsletters (no confirmation email is sent)</label>
      </div>
      <button type="submit" disabled={pending}>
        Import
      </button>
      <FormStatus state={state} />
    </form>
  );
}
