"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
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
        const value = state.ok ? f.defaultValue : (state.values?.[f.name] ?? f.defaultValue);
        return (
          <Field
            key={`${f.name}-${state.ok ? "ok" : "edit"}-${value ?? ""}`}
            id={`${id}-${f.name}`}
            label={f.label}
            hint={f.hint}
            error={state.errors?.[f.name]?.[0]}
            className={styles.field}
          >
            {(control) => {
              const common = { ...control, name: f.name, required: f.required };
              return f.type === "select" ? (
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
              );
            }}
          </Field>
        );
      })}
      <button type="submit" className={danger ? styles.danger : styles.secondary} disabled={pending}>
        {submit}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
