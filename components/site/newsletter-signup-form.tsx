"use client";

import { useId } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { subscribeAction, type SignupState } from "@/app/(site)/newsletters/actions";
import type { SignupList } from "@/lib/newsletters/queries";
import styles from "./newsletter-signup.module.css";

/** The signup form: field `Email`, a checkbox per list, button `Subscribe`; a plain post without JS. */
export function NewsletterSignupForm({ lists, source }: { lists: SignupList[]; source: string }) {
  const [state, action, pending] = usePageActionState<SignupState, FormData>(subscribeAction, { ok: false });
  const id = useId();
  const listsError = state.errors?.lists?.[0];
  // Until the reader has sent something, every list is ticked: the page's HTML is the same for all.
  const checked = (listId: number) => (state.values ? state.values.lists.includes(String(listId)) : true);
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="source" value={source} />
      <fieldset className={styles.lists} aria-describedby={listsError ? `${id}-lists-error` : undefined}>
        <legend className="visually-hidden">Newsletters</legend>
        {lists.map((list) => (
          <div key={list.id} className={styles.list}>
            <input id={`${id}-list-${list.id}`} type="checkbox" name="lists" value={list.id} defaultChecked={checked(list.id)} key={`${list.id}-${String(checked(list.id))}`} />
            <label htmlFor={`${id}-list-${list.id}`}>
              {list.name}
              {list.description && <span className={styles.description}> {list.description}</span>}
            </label>
          </div>
        ))}
        <FieldError id={`${id}-lists`} error={listsError} />
      </fieldset>
      <Field id={`${id}-email`} label="Email" error={state.errors?.email?.[0]}>
        {(control) => (
          <input
            {...control}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email ?? ""}
            key={state.values?.email ?? ""}
          />
        )}
      </Field>
      <button type="submit" disabled={pending}>
        Subscribe
      </button>
      <FormStatus state={state} classes={{ ok: styles.ok, error: styles.error }} />
    </form>
  );
}
