"use client";

import { useId } from "react";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

export type PageFormValues = { pageId?: string; title: string; slug: string; parentId: string; body: string; status: "draft" | "published" };

/** The static page editor: Title, Slug, Parent and Body, saved as a draft or published. */
export function PageForm({
  action,
  initial,
  parents,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: PageFormValues;
  parents: { id: number; title: string; slug: string }[];
}) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const id = useId();
  const value = (name: keyof PageFormValues) => (state.ok ? initial[name] : (state.values?.[name] ?? initial[name])) ?? "";
  const field = (name: "title" | "slug" | "parentId" | "body", label: string, hint?: string) => {
    const fieldId = `${id}-${name}`;
    const error = state.errors?.[name]?.[0];
    const describedBy = [error ? `${fieldId}-error` : null, hint ? `${fieldId}-hint` : null].filter(Boolean).join(" ") || undefined;
    const common = { id: fieldId, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
    return (
      <div className={styles.field} key={`${name}-${state.ok ? "ok" : "edit"}-${value(name)}`}>
        <label htmlFor={fieldId}>{label}</label>
        {name === "parentId" ? (
          <select {...common} defaultValue={value(name)}>
            <option value="">None (top level)</option>
            {parents.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.title} (/{p.slug})
              </option>
            ))}
          </select>
        ) : name === "body" ? (
          <textarea {...common} rows={16} defaultValue={value(name)} />
        ) : (
          <input {...common} type="text" required={name === "title"} maxLength={name === "title" ? 200 : 80} defaultValue={value(name)} />
        )}
        {hint && (
          <p id={`${fieldId}-hint`} className={styles.hint}>
            {hint}
          </p>
        )}
        {error && (
          <p id={`${fieldId}-error`} className={styles.error}>
            {error}
          </p>
        )}
      </div>
    );
  };
  return (
    <form action={formAction} className={styles.form} noValidate>
      {initial.pageId && <input type="hidden" name="pageId" value={initial.pageId} />}
      {field("title", "Title")}
      {field("slug", "Slug", "Optional: made from the title. A top-level page is at /slug, a page under a parent at /parent/slug.")}
      {field("parentId", "Parent")}
      {field("body", "Body", "Markdown, as in articles.")}
      <div className={styles.actions}>
        {initial.status === "draft" && (
          <button type="submit" name="intent" value="draft" className={styles.secondary} disabled={pending}>
            Save draft
          </button>
        )}
        <button type="submit" name="intent" value="publish" className={styles.secondary} disabled={pending}>
          Publish
        </button>
        {initial.status === "published" && (
          <button type="submit" name="intent" value="unpublish" className={styles.danger} disabled={pending}>
            Unpublish
          </button>
        )}
      </div>
      <div role="status" aria-live="polite" className={styles.alertSlot}>
        {state.message && <p className={state.ok ? styles.okBox : styles.errorBox}>{state.message}</p>}
      </div>
    </form>
  );
}
