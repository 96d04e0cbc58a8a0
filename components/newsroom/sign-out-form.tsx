"use client";

import { signOutAction } from "@/app/(auth)/actions";
import { usePageActionState } from "@/components/ui/use-page-action-state";

// A client leaf only so that the form gets a real `action` (see usePageActionState).
export function SignOutForm() {
  const [, action] = usePageActionState(signOutAction, undefined);
  return (
    <form action={action}>
      <button type="submit">Sign out</button>
    </form>
  );
}
