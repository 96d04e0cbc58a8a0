"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, type ReactNode } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import {
  confirmSocialDropAction,
  deleteSocialAccountAction,
  refreshSocialNowAction,
  saveSocialAccountAction,
} from "@/app/(newsroom)/admin/social/actions";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

export type SocialAccountValues = {
  id: string;
  network: string;
  handle: string;
  profileUrl: string;
  noun: string;
  verb: string;
  count: string;
  manual: boolean;
  visible: boolean;
  position: string;
};

function useAction(action: (s: ActionState, f: FormData) => Promise<ActionState>) {
  const [state, run, pending] = usePageActionState(action, { ok: false });
  const router = useRouter();
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return [state, run, pending] as const;
}

export function SocialAccountForm({
  initial,
  networks,
  legend,
  status,
}: {
  initial: SocialAccountValues;
  networks: string[];
  legend: string;
  /** the account's fetch status, shown inside its card */
  status?: ReactNode;
}) {
  const [state, action, pending] = useAction(saveSocialAccountAction);
  const [refreshState, refresh, refreshing] = useAction(refreshSocialNowAction);
  const [deleteState, remove, removing] = useAction(deleteSocialAccountAction);
  const id = useId();
  const value = (k: keyof SocialAccountValues) => state.values?.[k] ?? String(initial[k]);
  const checked = (k: "manual" | "visible") => (state.values ? state.values[k] === "on" : initial[k]);
  const field = (name: keyof SocialAccountValues, label: string, type = "text") => (
    <Field id={`${id}-${name}`} label={label} error={state.errors?.[name]?.[0]} className={styles.field}>
      {(control) => <input {...control} name={name} type={type} defaultValue={value(name)} />}
    </Field>
  );
  const formKey = state.values ? Object.values(state.values).join("\u0001") : "initial";
  return (
    <fieldset className={styles.panel}>
      <legend className={styles.legend}>{legend}</legend>
      {status}
      <form action={action} className={styles.form} key={formKey} noValidate>
        <input type="hidden" name="id" value={initial.id} />
        <div className={styles.row}>
          <Field id={`${id}-network`} label="Network" error={state.errors?.network?.[0]} className={styles.field}>
            {(control) => (
              <select {...control} name="network" defaultValue={value("network")}>
                {networks.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {field("handle", "Handle")}
          {field("profileUrl", "Profile URL", "url")}
        </div>
        <div className={styles.row}>
          {field("noun", "Label")}
          {field("verb", "Action")}
          {field("count", "Count")}
          {field("position", "Position")}
        </div>
        <div className={styles.actions}>
          <span className={styles.check}>
            <input id={`${id}-manual`} name="manual" type="checkbox" defaultChecked={checked("manual")} />
            <label htmlFor={`${id}-manual`}>Count typed by hand</label>
          </span>
          <span className={styles.check}>
            <input id={`${id}-visible`} name="visible" type="checkbox" defaultChecked={checked("visible")} />
            <label htmlFor={`${id}-visible`}>Shown in the widget</label>
          </span>
          {/* Refresh and Delete belong to forms of their own (below), but sit in Save's row. */}
          <span className={styles.buttons}>
            <button type="submit" className={styles.primary} disabled={pending}>
              Save
            </button>
            {initial.id && (
              <>
                <button type="submit" form={`${id}-refresh`} className={styles.secondary} disabled={refreshing}>
                  Refresh now
                </button>
                <button type="submit" form={`${id}-delete`} className={styles.danger} disabled={removing}>
                  Delete
                </button>
              </>
            )}
          </span>
        </div>
        <FormStatus state={state} />
      </form>
      {initial.id && (
        <>
          <form id={`${id}-refresh`} action={refresh}>
            <input type="hidden" name="id" value={initial.id} />
          </form>
          <form id={`${id}-delete`} action={remove}>
            <input type="hidden" name="id" value={initial.id} />
          </form>
          <FormStatus state={refreshState.message ? refreshState : deleteState} />
        </>
      )}
    </fieldset>
  );
}

export function ConfirmDrop({ id, from, to }: { id: number; from: number | null; to: number }) {
  const [state, action, pending] = useAction(confirmSocialDropAction);
  return (
    <form action={action} className={styles.actions}>
      <input type="hidden" name="id" value={id} />
      <span>
        The count fell from {from ?? "none"} to {to}.
      </span>
      <button type="submit" className={styles.secondary} disabled={pending}>
        Confirm the new count
      </button>
      <FormStatus state={state} />
    </form>
  );
}
