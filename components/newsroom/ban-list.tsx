"use client";

import type { ReactNode } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import type { ActionState } from "@/lib/auth/action";
import styles from "./moderation.module.css";
import staffStyles from "./staff.module.css";

/** `when` is a <Timestamp>, rendered on the server. */
export type BanItem = { id: number; value: string; reason: string; by: string | null; when: ReactNode };

/** The banned commenters, each with a button to lift the ban. One live region reports the result, since the row itself goes. */
export function BanList({ bans, action }: { bans: BanItem[]; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = usePageActionState(action, { ok: false });
  return (
    <>
      <FormStatus state={state} />
      {bans.length === 0 ? (
        <p className={styles.empty}>Nobody is banned.</p>
      ) : (
        <ul className={styles.bans}>
          {bans.map((b) => (
            <li key={b.id}>
              <div>
                <bdi>{b.value}</bdi>
                <br />
                <small>
                  banned {b.when} by {b.by ?? "a former user"}
                  {b.reason && (
                    <>
                      : <bdi>{b.reason}</bdi>
                    </>
                  )}
                </small>
              </div>
              <form action={formAction}>
                <input type="hidden" name="banId" value={b.id} />
                <button type="submit" className={staffStyles.secondary} disabled={pending}>
                  Lift ban<span className="visually-hidden"> on {b.value}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
