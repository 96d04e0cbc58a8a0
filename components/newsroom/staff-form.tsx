"use client";

import { useId } from "react";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "email" | "textarea" | "select";
  options?: { value: string; label: string }[];
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  maxLength?: number;
  rows?: number;
};

/**
 * A small staff form over one server action: labelled fields, each error tied to its field,
 * a live status line, and the typed values kept when the action refuses them.
 */
export function StaffForm({
  action,
  fields,
  hidden = {},
  submit,
  danger = false,
  inline = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  submit: string;
  danger?: boolean;
  inline?: boolean;
}) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  return (
    <form action={formAction} className={inline ? styles.actions : styles.form} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((f) => {
        const fieldId = `${id}-${f.name}`;
        const error = state.errors?.[f.name]?.[0];
        const value = state.ok ? f.defaultValue : (state.values?.[f.name] ?? f.defaultValue);
        const describedBy = [error ? `${fieldId}-error` : null, f.hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ") || undefined;
        const common = {
          id: fieldId,
          name: f.name,
          required: f.required,
          "aria-invalid": error ? true : undefined,
          "aria-describedby": describedBy,
        } as const;
        return (
          <div className={styles.field} key={`${f.name}-${state.ok ? "ok" : "edit"}-${value ?? ""}`}>
            <label htmlFor={fieldId}>{f.label}</label>
            {f.type === "select" ? (
              <select {...common} defaultValue={value}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.type === "textarea" ? (
              <textarea {...common} rows={f.rows ?? 3} maxLength={f.maxLength} defaultValue={value} />
            ) : (
              <input {...common} type={f.type ?? "text"} maxLength={f.maxLength} defaultValue={value} />
            )}
            {f.hint && (
              <p id={`${fieldId}-hint`} className={styles.hint}>
                {f.hint}
              </p>
            )}
            {error && (
              <p id={`${fieldId}-error`} className={styles.error}>
                {error}
              </p>
            )}
          </div>
        );
      })}
      <button type="submit" className={danger ? styles.danger : styles.secondary} disabled={pending}>
        {submit}
      </button>
      <div role="status" aria-live="polite" className={styles.alertSlot}>
        {state.message && <p className={state.ok ? styles.okBox : styles.errorBox}>{state.message}</p>}
      </div>
    </form>
  );
}
