"use client";

import { useEffect, useRef, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import { postComment, type CommentFormState } from "@/app/(site)/actions";
import { commenterKey, forgetApproved, rememberOwnComment, type OwnComment } from "./own-comments";
import styles from "./comments.module.css";

const storageKey = "gazette:commenter";

type CommentField = "body" | "name" | "email" | "website";

const statusClasses = { slot: styles.statusSlot, ok: `${styles.status} ${styles.statusOk}`, error: `${styles.status} ${styles.statusError}` };

function newKey() {
  return crypto.randomUUID().replace(/-/g, "");
}

export function CommentForm({ articleId }: { articleId: number }) {
  const [state, action, pending] = usePageActionState<CommentFormState, FormData>(postComment, { ok: false });
  const [replyTo, setReplyTo] = useState<{ id: number; name: string } | null>(null);
  const [own, setOwn] = useState<OwnComment[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  // When the form appeared, by the browser's own clock: the cached page is the same bytes for
  // every reader, so no time can be baked into it.
  const shownAt = useRef<number | null>(null);

  // "Save my name and email in this browser" lives in localStorage only, never on the server.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? "null") as Record<string, string> | null;
      if (!saved) return;
      for (const name of ["name", "email", "website"] as const) {
        const input = form.elements.namedItem(name) as HTMLInputElement | null;
        if (input && !input.value && saved[name]) input.value = saved[name];
      }
      (form.elements.namedItem("remember") as HTMLInputElement).checked = true;
    } catch {
      // storage disabled or corrupt: nothing to prefill
    }
  }, []);

  // This reader's own comments still waiting (kept on this device only), until the page shows them.
  useEffect(() => {
    shownAt.current = performance.now();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- localStorage exists only after hydration
    setOwn(forgetApproved(articleId, (id) => document.getElementById(`comment-${id}`) !== null));
  }, [articleId]);

  useEffect(() => {
    // Each answer ends a submission: whatever is sent next is a new comment with a new key
    // (after an outage, the same key comes back with the answer: see the hidden field).
    const key = formRef.current?.elements.namedItem("idempotencyKey") as HTMLInputElement | null;
    if (key) key.value = state.idempotencyKey ?? "";
    // After a post the form starts afresh for the next comment, and so does its clock.
    if (state.ok) shownAt.current = performance.now();
    if (state.posted?.status === "pending") {
      const posted = { ...state.posted, articleId, at: Date.now() };
      // eslint-disable-next-line react-hooks/set-state-in-effect -- mirrors what the action answered into storage
      setOwn(rememberOwnComment(posted));
    }
  }, [state, articleId]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-reply-to]");
      if (!link) return;
      event.preventDefault();
      setReplyTo({ id: Number(link.dataset.replyTo), name: link.dataset.replyName ?? "" });
      formRef.current?.querySelector("textarea")?.focus();
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    // Made in the browser, once per comment: a token baked into the cached page would be
    // shared by every reader.
    const key = form.elements.namedItem("idempotencyKey") as HTMLInputElement;
    if (!key.value) key.value = newKey();
    (form.elements.namedItem("commenterKey") as HTMLInputElement).value = commenterKey();
    const elapsed = form.elements.namedItem("elapsed") as HTMLInputElement;
    elapsed.value = shownAt.current === null ? "" : String(Math.round(performance.now() - shownAt.current));
    const data = new FormData(form);
    try {
      if (data.get("remember")) {
        localStorage.setItem(
          storageKey,
          JSON.stringify({ name: data.get("name"), email: data.get("email"), website: data.get("website") }),
        );
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch {
      // storage unavailable: the comment still posts
    }
  };

  const error = (field: CommentField) => state.errors?.[field]?.[0];
  // After a successful post the comment text starts empty; name and email stay.
  const value = (field: CommentField) => (state.ok && field === "body" ? "" : (state.values?.[field] ?? ""));
  const formKey = `${state.posted?.id ?? "new"}-${state.errors ? "e" : "n"}`;
  // Without JavaScript the effects never run: the answer itself shows the comment.
  const waiting = own.length > 0 ? own : state.posted?.status === "pending" ? [state.posted] : [];

  return (
    <section aria-labelledby="respond-heading" id="respond">
      <h2 id="respond-heading" className={styles.formHeading}>
        LEAVE A REPLY
      </h2>
      {waiting.map((c) => (
        <article className={styles.own} aria-label="Your comment" key={c.id}>
          <p className={styles.name}>
            <bdi>{c.name}</bdi>
          </p>
          <p className={styles.text}>{c.body}</p>
          <p className={styles.time}>Your comment is awaiting moderation.</p>
        </article>
      ))}
      {state.posted?.status === "approved" && (
        <article className={styles.own} aria-label="Your comment">
          <p className={styles.name}>
            <bdi>{state.posted.name}</bdi>
          </p>
          <p className={styles.text}>{state.posted.body}</p>
        </article>
      )}
      {/* The answer (the confirmation, or what to fix) takes the focus: the button that had it is
          gone with the form that was just replaced, and the focus would fall to the page's body. */}
      <FormStatus state={state} focus classes={statusClasses} />
      <form ref={formRef} action={action} onSubmit={onSubmit} className={styles.form} key={formKey} noValidate>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={replyTo?.id ?? ""} />
        <input type="hidden" name="idempotencyKey" defaultValue={state.idempotencyKey ?? ""} />
        <input type="hidden" name="commenterKey" defaultValue="" />
        <input type="hidden" name="elapsed" defaultValue="" />
        {replyTo && (
          <p className={styles.replying}>
            <span>
              Replying to <bdi>{replyTo.name}</bdi>
            </span>
            <button type="button" onClick={() => setReplyTo(null)}>
              Cancel reply
            </button>
          </p>
        )}
        <Field id="comment-body" label="Comment" error={error("body")} className={styles.field}>
          {(control) => <textarea {...control} name="body" rows={7} maxLength={5000} required defaultValue={value("body")} />}
        </Field>
        <div className={styles.row}>
          {(
            [
              ["name", "Name", "text", "name", true],
              ["email", "Email", "email", "email", true],
              ["website", "Website", "url", "url", false],
            ] as const
          ).map(([field, label, type, autoComplete, required]) => (
            <Field key={field} id={`comment-${field}`} label={label} error={error(field)} className={styles.field}>
              {(control) => (
                <input
                  {...control}
                  name={field}
                  type={type}
                  autoComplete={autoComplete}
                  required={required}
                  maxLength={field === "name" ? 80 : field === "email" ? 254 : 2000}
                  defaultValue={value(field)}
                />
              )}
            </Field>
          ))}
        </div>
        {/* The honeypot: out of sight and out of the tab order, so only scripts fill it in. */}
        <div className={styles.honeypot} aria-hidden="true">
          <label htmlFor="comment-subject">Subject (leave this empty)</label>
          <input id="comment-subject" name="subject" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div className={styles.check}>
          <input id="comment-remember" name="remember" type="checkbox" value="1" />
          <label htmlFor="comment-remember">Save my name and email in this browser</label>
        </div>
        {/* Off by default, and each comment asks for itself: after a post it starts unticked. */}
        <div className={styles.check}>
          <input
            id="comment-notify"
            name="notifyReplies"
            type="checkbox"
            value="1"
            defaultChecked={!state.ok && state.values?.notifyReplies === "1"}
            aria-describedby="comment-notify-hint"
          />
          <label htmlFor="comment-notify">Notify me of replies by email</label>
          <p id="comment-notify-hint" className={styles.hint}>
            The first time, we email you a link to confirm the address.
          </p>
        </div>
        <button type="submit" className={styles.submit} disabled={pending}>
          {pending ? "Posting…" : "Post Comment"}
        </button>
      </form>
    </section>
  );
}
