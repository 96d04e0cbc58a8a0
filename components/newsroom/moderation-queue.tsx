"use client";

import { useState, type ReactNode } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { CommentStatus } from "@/db/schema";
import type { ActionState } from "@/lib/auth/action";
import type { QueueComment } from "@/lib/moderation/queries";
import styles from "./moderation.module.css";
import staffStyles from "./staff.module.css";

/** `when`s are <Timestamp>s, rendered on the server. */
export type QueueItem = Omit<QueueComment, "moderation"> & {
  when: ReactNode;
  moderation: { by: string | null; when: ReactNode } | null;
  filterHref: string | null;
};

const buttons = [
  { decision: "approve", label: "Approve", status: "approved" },
  { decision: "reject", label: "Reject", status: "rejected" },
  { decision: "spam", label: "Spam", status: "spam" },
] as const;

const bulkForm = "bulk-moderation";

/**
 * The queue: one form per comment for its own buttons, and one bulk form that the ticked
 * checkboxes belong to (through their `form` attribute, since forms cannot nest). Both post
 * the same action, so one live region reports every decision. It all works as plain posts.
 */
export function ModerationQueue({
  comments,
  status,
  action,
}: {
  comments: QueueItem[];
  status: CommentStatus;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Comments that a decision moved to another queue leave the page, and with it the selection.
  const shown = comments.filter((c) => selected.has(c.id));
  const allTicked = comments.length > 0 && shown.length === comments.length;

  const toggle = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // A bulk decision with nothing ticked has no field to point at: its error is the answer.
  const error = state.errors?.ids?.[0];

  return (
    <>
      <FormStatus state={error ? { ok: false, message: error } : state} />
      {comments.length === 0 ? (
        <p className={styles.empty}>No comments here.</p>
      ) : (
        <>
          <form id={bulkForm} action={formAction} className={styles.bulk} aria-label="Selected comments">
            <label className={styles.selectAll}>
              <input
                type="checkbox"
                checked={allTicked}
                onChange={(e) => setSelected(new Set(e.target.checked ? comments.map((c) => c.id) : []))}
              />
              Select all on this page
            </label>
            <span aria-live="polite">{shown.length > 0 && `${shown.length} selected`}</span>
            {buttons.map((b) => (
              <button key={b.decision} type="submit" name="decision" value={b.decision} className={staffStyles.secondary} disabled={pending}>
                {b.label} selected
              </button>
            ))}
          </form>
          <ol className={styles.list}>
            {comments.map((c) => (
              <li key={c.id}>
                <QueueEntry comment={c} status={status} ticked={selected.has(c.id)} onTick={toggle} formAction={formAction} pending={pending} />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function QueueEntry({
  comment: c,
  status,
  ticked,
  onTick,
  formAction,
  pending,
}: {
  comment: QueueItem;
  status: CommentStatus;
  ticked: boolean;
  onTick: (id: number, on: boolean) => void;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  const heading = `queue-comment-${c.id}`;
  return (
    <article className={styles.entry} aria-labelledby={heading}>
      <div className={styles.entryHead}>
        <input
          type="checkbox"
          name="ids"
          value={c.id}
          form={bulkForm}
          checked={ticked}
          onChange={(e) => onTick(c.id, e.target.checked)}
          aria-label={`Select the comment by ${c.name}`}
          className={styles.tick}
        />
        <h3 id={heading} className={styles.who}>
          <span className="visually-hidden">Comment by </span>
          <bdi>{c.name}</bdi>
        </h3>
        <span className={styles.meta}>{c.when}</span>
      </div>
      <dl className={styles.facts}>
        <dt>Article</dt>
        <dd>
          {c.article.published ? (
            <a href={c.article.href}>
              <bdi>{c.article.title}</bdi>
            </a>
          ) : (
            <>
              <bdi>{c.article.title}</bdi> (not published)
            </>
          )}
          {c.filterHref && (
            <>
              {" · "}
              <a href={c.filterHref}>only this article</a>
            </>
          )}
        </dd>
        <dt>Email</dt>
        <dd>
          <bdi>{c.email}</bdi>
        </dd>
        {c.website && (
          <>
            <dt>Website</dt>
            <dd>
              {/* shown, not linked: a moderator should not land on a spammer's page by a slip */}
              <bdi>{c.website}</bdi>
            </dd>
          </>
        )}
        {c.parent && (
          <>
            <dt>Reply to</dt>
            <dd>
              <bdi>{c.parent.name}</bdi> (#{c.parent.id})
            </dd>
          </>
        )}
        {c.ipTag && (
          <>
            <dt>Address</dt>
            <dd>
              <code>{c.ipTag}</code> (hashed)
            </dd>
          </>
        )}
        {c.moderation && (
          <>
            <dt>Decided</dt>
            <dd>
              {c.status} by {c.moderation.by ?? "a former user"}, {c.moderation.when}
            </dd>
          </>
        )}
      </dl>
      {c.spamReasons.length > 0 && (
        <div className={styles.reasons}>
          <p>Spam checks:</p>
          <ul aria-label="Spam checks">
            {c.spamReasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      <p className={styles.text}>{c.body}</p>
      <form action={formAction} className={staffStyles.actions}>
        <input type="hidden" name="ids" value={c.id} />
        {buttons
          .filter((b) => b.status !== status)
          .map((b) => (
            <button key={b.decision} type="submit" name="decision" value={b.decision} className={staffStyles.secondary} disabled={pending}>
              {b.label}
            </button>
          ))}
        <button type="submit" name="decision" value="ban" className={staffStyles.danger} disabled={pending}>
          Ban commenter
        </button>
      </form>
    </article>
  );
}
