"use client";

import { useId } from "react";
import { Field, FieldError } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { reportCommentAction, type ReportFormState } from "@/app/(site)/report-actions";
import { reportLabels } from "@/lib/comments/report-labels";
import styles from "./comments.module.css";

const reasons = Object.entries(reportLabels).map(([value, label]) => ({ value, label }));

/** Why a reader reports a comment. A plain form (it posts without JavaScript too), shown alone or in the dialog. */
export function ReportForm({ commentId, onDone }: { commentId: number; onDone?: () => void }) {
  const [state, action, pending] = usePageActionState<ReportFormState, FormData>(reportCommentAction, { ok: false });
  const id = useId();
  const reasonError = state.errors?.reason?.[0];
  return (
    <div className={styles.report}>
      <FormStatus state={state} classes={{ ok: `${styles.status} ${styles.statusOk}`, error: `${styles.status} ${styles.statusError}` }} />
      {state.ok ? (
        onDone && (
          <button type="button" onClick={onDone} className={styles.reportButton}>
            Close
          </button>
        )
      ) : (
        <form action={action} className={styles.form} noValidate>
          <input type="hidden" name="commentId" value={commentId} />
          <fieldset aria-describedby={reasonError ? `${id}-reason-error` : undefined} aria-invalid={reasonError ? true : undefined}>
            <legend>Why are you reporting this comment?</legend>
            {reasons.map((r) => (
              <label key={r.value} className={styles.choice}>
                <input type="radio" name="reason" value={r.value} defaultChecked={state.values?.reason === r.value} required /> {r.label}
              </label>
            ))}
            <FieldError id={`${id}-reason`} error={reasonError} />
          </fieldset>
          <Field id={`${id}-note`} label="Note for the moderators (optional)" error={state.errors?.note?.[0]} className={styles.field}>
            {(control) => <textarea {...control} name="note" rows={3} maxLength={500} defaultValue={state.values?.note ?? ""} />}
          </Field>
          <div className={styles.reportActions}>
            <button type="submit" disabled={pending}>
              {pending ? "Sending…" : "Send report"}
            </button>
            {onDone && (
              <button type="button" onClick={onDone} className={styles.reportButton}>
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
    </div>
  );
}
