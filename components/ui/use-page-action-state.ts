"use client";

import { usePathname } from "next/navigation";
import { useActionState } from "react";

/**
 * `useActionState` with the page's own address as the form's permalink. Without one, React
 * renders a server-action form as `action=""`, which is invalid HTML (the W3C checker rejects
 * an empty action); with it, the form says where it posts, and a post sent before the
 * JavaScript has loaded comes back to this page with its state. Every form that runs a server
 * action goes through this hook.
 */
export function usePageActionState<State, Payload>(
  action: (state: Awaited<State>, payload: Payload) => State | Promise<State>,
  initialState: Awaited<State>,
) {
  return useActionState(action, initialState, usePathname());
}
