"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
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
  const field = (name: "title" | "slug" | "parentId" | "body", label: string, hint?: string) => (
    <Field
      key={`${name}-${state.ok ? "ok" : "edit"}-${value(name)}`}
      id={`${id}-${name}`}
      label={label}
      hint={hint}
      error={state.errors?.[name]?.[0]}
      className={styles.field}
    >
      {(control) =>
        name === "parentId" ? (
          <select {...control} name={name} defaultValue={value(name)}>
            <option value="">None (top level)</option>
            {parents.map((p) => (
              <option key={p.id} value={String(p.id)}>
                {p.title} (/{p.slug})
              </option>
            ))}
          </select>
        ) : name === "body" ? (
          <textarea {...control} name={name} rows={16} defaultValue={value(name)} />
        ) : (
          <input {...control} name={name} type="text" required={name === "title"} maxLength={name === "title" ? 200 : 80} defaultValue={value(name)} />
        )
      }
    </Field>
  );
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
      <FormStatus state={state} />
    </form>
  );
}
