"use client";

import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { signInAction } from "../actions";
import type { ActionState } from "@/lib/auth/action";
import styles from "@/components/newsroom/staff.module.css";

export function LoginForm({ next }: { next: string }) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(signInAction, { ok: false });
  const error = (field: string) => state.errors?.[field]?.[0];
  return (
    <form action={action} className={styles.form} noValidate>
      <input type="hidden" name="next" value={next} />
      <FormStatus state={state} urgent />
      <Field id="login-email" label="Email" error={error("email")} className={styles.field}>
        {(control) => (
          <input {...control} name="email" type="email" autoComplete="username" required defaultValue={state.values?.email ?? ""} />
        )}
      </Field>
      {/* The password is never sent back: a refused sign-in asks for it again. */}
      <Field id="login-password" label="Password" error={error("password")} className={styles.field}>
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <button type="submit" className={styles.primary} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
