"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { addCorrectionAction, restoreRevisionAction } from "@/app/(newsroom)/actions";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

/** After a change the server's view of the article (version, form, lists) is reloaded. */
function useRefreshOnSuccess(state: ActionState) {
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
}

type Revision = { id: number; version: number; status: string; createdAt: string; by: string | null };

export function RevisionList({ articleId, version, revisions, canRestore }: { articleId: number; version: number; revisions: Revision[]; canRestore: boolean }) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(restoreRevisionAction, { ok: false });
  useRefreshOnSuccess(state);
  return (
    <section aria-labelledby="revisions-heading" className={styles.panel}>
      <h2 id="revisions-heading">Revisions</h2>
      <div role="status" aria-live="polite" className={styles.alertSlot}>
        {state.message && <p className={state.ok ? styles.okBox : styles.errorBox}>{state.message}</p>}
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">By</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>{r.version}</td>
              <td>
                <time dateTime={r.createdAt}>{r.createdAt.slice(0, 19).replace("T", " ")} UTC</time>
              </td>
              <td>{r.by ?? "unknown"}</td>
              <td>{r.status}</td>
              <td className={styles.actions}>
                <Link href={`/editor/articles/${articleId}/revisions/${r.id}`}>View<span className="visually-hidden"> version {r.version}</span></Link>
                {canRestore && r.version !== version && (
                  <form action={action}>
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="revisionId" value={r.id} />
                    <input type="hidden" name="version" value={version} />
                    <button type="submit" className={styles.secondary} disabled={pending}>
                      Restore<span className="visually-hidden"> version {r.version}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function CorrectionForm({ articleId, corrections }: { articleId: number; corrections: { id: number; body: string; createdAt: string }[] }) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(addCorrectionAction, { ok: false });
  useRefreshOnSuccess(state);
  const error = state.errors?.body?.[0];
  return (
    <section aria-labelledby="corrections-heading" className={styles.panel}>
      <h2 id="corrections-heading">Corrections</h2>
      {corrections.length > 0 && (
        <ul>
          {corrections.map((c) => (
            <li key={c.id}>
              <time dateTime={c.createdAt}>{c.createdAt.slice(0, 10)}</time>: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form action={action} className={styles.form} key={state.ok ? state.message : "form"}>
        <input type="hidden" name="articleId" value={articleId} />
        <div role="status" aria-live="polite" className={styles.alertSlot}>
          {state.message && <p className={state.ok ? styles.okBox : styles.errorBox}>{state.message}</p>}
        </div>
        <div className={styles.field}>
          <label htmlFor="correction-body">Correction note</label>
          <textarea
            id="correction-body"
            name="body"
            rows={3}
            defaultValue={state.ok ? "" : (state.values?.body ?? "")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "correction-body-error" : undefined}
          />
          {error && <p id="correction-body-error" className={styles.error}>{error}</p>}
        </div>
        <button type="submit" className={styles.secondary} disabled={pending}>
          Add correction
        </button>
      </form>
    </section>
  );
}
