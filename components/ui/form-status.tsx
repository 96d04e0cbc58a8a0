"use client";

import { useEffect, useRef } from "react";
import styles from "./form.module.css";

/**
 * A form's answer, in a live region that is in the page before any answer arrives (a region
 * added with its text is not always read out). With `focus`, the answer also takes the focus
 * whenever one arrives: the button that had it may be gone with the form that was replaced.
 */
export function FormStatus({
  state,
  fallback,
  focus = false,
  urgent = false,
  classes = {},
}: {
  state: { ok: boolean; message?: string };
  /** shown, as a success, when the state has no message (a save that remounted its form) */
  fallback?: string;
  focus?: boolean;
  /** an alert, read out at once: for sign-in, whose only answer is a refusal */
  urgent?: boolean;
  /** the reader pages' own look, in place of the staff boxes ("" for none) */
  classes?: { slot?: string; ok?: string; error?: string };
}) {
  const ref = useRef<HTMLDivElement>(null);
  const message = state.message ?? fallback;
  const ok = state.message ? state.ok : true;
  useEffect(() => {
    if (focus && message) ref.current?.focus();
  }, [focus, message, state]);
  return (
    <div
      ref={ref}
      role={urgent ? "alert" : "status"}
      aria-live={urgent ? "assertive" : "polite"}
      tabIndex={focus ? -1 : undefined}
      className={classes.slot ?? styles.slot}
    >
      {message && <p className={(ok ? (classes.ok ?? styles.okBox) : (classes.error ?? styles.errorBox)) || undefined}>{message}</p>}
    </div>
  );
}
