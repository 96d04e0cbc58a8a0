"use client";

import { FormStatus } from "@/components/ui/form-status";
import type { ReactNode } from "react";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import { reportLabels } from "@/lib/comments/report-labels";
import type { ReportedComment } from "@/lib/moderation/queries";
import styles from "./moderation.module.css";
import staffStyles from "./staff.module.css";

/** `when` and `lastWhen` are <Timestamp>s, rendered on the server. */
export type ReportedItem = ReportedComment & { when: ReactNode; lastWhen: ReactNode };

const decisions = [
  { decision: "keep", label: "Keep" },
  { decision: "reject", label: "Reject" },
  { decision: "spam", label: "Spam" },
] as const;

/**
 * The Reported queue: one entry per reported comment, however many readers reported it, with
 * how many did and why. Keep settles the reports and puts a comment they took down back on the
 * page; Reject and Spam take it away for good. Plain posts, one live region for every answer.
 */
export function ReportedQueue({ comments, action }: { comments: ReportedItem[]; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  return (
    <>
      <FormStatus state={state} />
      {comments.length === 0 ? (
        <p className={styles.empty}>No reported comments.</p>
      ) : (
        <ol className={styles.list}>
          {comments.map((c) => {
            const heading = `reported-comment-${c.id}`;
            return (
              <li key={c.id}>
                <article className={styles.entry} aria-labelledby={heading}>
                  <div className={styles.entryHead}>
                    <h3 id={heading} className={styles.who}>
                      <span className="visually-hidden">Comment by </span>
                      <bdi>{c.name}</bdi>
                    </h3>
                    <span className={styles.meta}>{c.when}</span>
                  </div>
                  <dl className={styles.facts}>
                    <dt>Article</dt>
                    <dd>
                      <a href={`${c.article.href}/comment/${c.id}`}>
                        <bdi>{c.article.title}</bdi>
                      </a>
                    </dd>
                    <dt>Reports</dt>
                    <dd>
                      {c.reporters === 1 ? "1 reader" : `${c.reporters} readers`}, last {c.lastWhen}
                      {c.hidden && " · taken off the page until you decide"}
                    </dd>
                    <dt>Reasons</dt>
                    <dd>{c.reasons.map((r) => `${reportLabels[r.reason]} (${r.n})`).join(", ")}</dd>
                  </dl>
                  {c.notes.length > 0 && (
                    <div className={styles.reasons}>
                      <p>Readers’ notes:</p>
                      <ul aria-label="Readers’ notes">
                        {c.notes.map((n, i) => (
                          <li key={i}>{n}</li>
                        ))}
                      </ul>
                    </div>
                  )}
                  <p className={styles.text}>{c.body}</p>
                  <form action={formAction} className={staffStyles.actions} aria-label={`Decide on the comment by ${c.name}`}>
                    <input type="hidden" name="ids" value={c.id} />
                    {decisions.map((d) => (
                      <button key={d.decision} type="submit" name="decision" value={d.decision} className={staffStyles.secondary} disabled={pending}>
                        {d.label}
                      </button>
                    ))}
                  </form>
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
