"use client";

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
      <div role="alert" aria-live="assertive" className={styles.alertSlot}>
        {state.message && <p className={styles.errorBox}>{state.message}</p>}
      </div>
      <div className={styles.field}>
        <label htmlFor="login-email">Email</label>
        <input
          id="login-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email ?? ""}
          aria-invalid={error("email") ? true : undefined}
          aria-describedby={error("email") ? "login-email-error" : undefined}
        />
        {error("email") && <p id="login-email-error" className={styles.error}>{error("email")}</p>}
      </div>
      <div className={styles.field}>
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={error("password") ? true : undefined}
          aria-describedby={error("password") ? "login-password-error" : undefined}
        />
        {error("password") && <p id="login-password-error" className={styles.error}>{error("password")}</p>}
      </div>
      <button type="submit" className={styles.primary} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
