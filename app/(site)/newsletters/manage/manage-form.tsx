"use client";

import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { manageAction, type ManageState } from "../actions";

type List = { id: number; name: string; description: string; subscribed: boolean };

export function ManageForm({ token, lists }: { token: string; lists: List[] }) {
  const [state, action, pending] = usePageActionState<ManageState, FormData>(manageAction, { ok: false });
  return (
    <form action={action}>
      <input type="hidden" name="token" value={token} />
      <fieldset>
        <legend>Newsletters</legend>
        {lists.map((list) => (
          <div key={list.id}>
            <input id={`manage-list-${list.id}`} type="checkbox" name="lists" value={list.id} defaultChecked={list.subscribed} />
            <label htmlFor={`manage-list-${list.id}`}>
              {list.name}
              {list.description && ` (${list.description})`}
            </label>
          </div>
        ))}
      </fieldset>
      <p>
        <button type="submit" name="intent" value="save" disabled={pending}>
          Save choices
        </button>{" "}
        <button type="submit" name="intent" value="unsubscribe" disabled={pending}>
          Unsubscribe from everything
        </button>
      </p>
      <FormStatus state={state} classes={{ ok: "", error: "" }} />
    </form>
  );
}
