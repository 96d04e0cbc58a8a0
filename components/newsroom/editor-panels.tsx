"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
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

/** `when`s are <Timestamp>s, rendered on the server. */
type Revision = { id: number; version: number; status: string; when: ReactNode; by: string | null };

export function RevisionList({ articleId, version, revisions, canRestore }: { articleId: number; version: number; revisions: Revision[]; canRestore: boolean }) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(restoreRevisionAction, { ok: false });
  useRefreshOnSuccess(state);
  return (
    <section aria-labelledby="revisions-heading" className={styles.panel}>
      <h2 id="revisions-heading">Revisions</h2>
      <FormStatus state={state} />
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
              <td>{r.when}</td>
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

export function CorrectionForm({ articleId, corrections }: { articleId: number; corrections: { id: number; body: string; when: ReactNode }[] }) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(addCorrectionAction, { ok: false });
  useRefreshOnSuccess(state);
  return (
    <section aria-labelledby="corrections-heading" className={styles.panel}>
      <h2 id="corrections-heading">Corrections</h2>
      {corrections.length > 0 && (
        <ul>
          {corrections.map((c) => (
            <li key={c.id}>
              {c.when}: {c.body}
            </li>
          ))}
        </ul>
      )}
      <form action={action} className={styles.form} key={state.ok ? state.message : "form"}>
        <input type="hidden" name="articleId" value={articleId} />
        <FormStatus state={state} />
        <Field id="correction-body" label="Correction note" error={state.errors?.body?.[0]} className={styles.field}>
          {(control) => <textarea {...control} name="body" rows={3} defaultValue={state.ok ? "" : (state.values?.body ?? "")} />}
        </Field>
        <button type="submit" className={styles.secondary} disabled={pending}>
          Add correction
        </button>
      </form>
    </section>
  );
}
