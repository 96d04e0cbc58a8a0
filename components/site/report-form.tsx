"use client";

import { useId } from "react";
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
  const noteError = state.errors?.note?.[0];
  return (
    <div className={styles.report}>
      <div aria-live="polite" role="status">
        {state.message && <p className={`${styles.status} ${state.ok ? styles.statusOk : styles.statusError}`}>{state.message}</p>}
      </div>
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
            {reasonError && (
              <p id={`${id}-reason-error`} className={styles.error}>
                {reasonError}
              </p>
            )}
          </fieldset>
          <div className={styles.field}>
            <label htmlFor={`${id}-note`}>Note for the moderators (optional)</label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={3}
              maxLength={500}
              defaultValue={state.values?.note ?? ""}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? `${id}-note-error` : undefined}
            />
            {noteError && (
              <p id={`${id}-note-error`} className={styles.error}>
                {noteError}
              </p>
            )}
          </div>
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
