"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { postComment, type CommentFormState } from "@/app/(site)/actions";
import styles from "./comments.module.css";

const storageKey = "gazette:commenter";

type Field = "body" | "name" | "email" | "website";

function newKey() {
  return crypto.randomUUID().replace(/-/g, "");
}

export function CommentForm({ articleId }: { articleId: number }) {
  const [state, action, pending] = useActionState<CommentFormState, FormData>(postComment, { ok: false });
  const [replyTo, setReplyTo] = useState<{ id: number; name: string } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

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
    // Made in the browser, once per comment: a token baked into the cached page would be
    // shared by every reader. The form's reset after each post clears it for the next one.
    const key = event.currentTarget.elements.namedItem("idempotencyKey") as HTMLInputElement;
    if (!key.value) key.value = newKey();
    const data = new FormData(event.currentTarget);
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

  const error = (field: Field) => state.errors?.[field]?.[0];
  const describedBy = (field: Field) => (error(field) ? `comment-${field}-error` : undefined);
  // After a successful post the comment text starts empty; name and email stay.
  const value = (field: Field) => (state.ok && field === "body" ? "" : (state.values?.[field] ?? ""));
  const formKey = `${state.posted?.id ?? "new"}-${state.errors ? "e" : "n"}`;

  return (
    <section aria-labelledby="respond-heading" id="respond">
      <h2 id="respond-heading" className={styles.formHeading}>
        LEAVE A REPLY
      </h2>
      {state.posted && (
        <article className={styles.own} aria-label="Your comment">
          <p className={styles.name}>{state.posted.name}</p>
          <p className={styles.text}>{state.posted.body}</p>
          {state.posted.status === "pending" && <p className={styles.time}>Your comment is awaiting moderation.</p>}
        </article>
      )}
      <div aria-live="polite" role="status">
        {state.message && (
          <p className={`${styles.status} ${state.ok ? styles.statusOk : styles.statusError}`}>{state.message}</p>
        )}
      </div>
      <form ref={formRef} action={action} onSubmit={onSubmit} className={styles.form} key={formKey} noValidate>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={replyTo?.id ?? ""} />
        <input type="hidden" name="idempotencyKey" defaultValue="" />
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
        <div className={styles.field}>
          <label htmlFor="comment-body">Comment</label>
          <textarea
            id="comment-body"
            name="body"
            rows={7}
            maxLength={5000}
            required
            defaultValue={value("body")}
            aria-invalid={error("body") ? true : undefined}
            aria-describedby={describedBy("body")}
          />
          {error("body") && (
            <p id="comment-body-error" className={styles.error}>
              {error("body")}
            </p>
          )}
        </div>
        <div className={styles.row}>
          {(
            [
              ["name", "Name", "text", "name", true],
              ["email", "Email", "email", "email", true],
              ["website", "Website", "url", "url", false],
            ] as const
          ).map(([field, label, type, autoComplete, required]) => (
            <div className={styles.field} key={field}>
              <label htmlFor={`comment-${field}`}>{label}</label>
              <input
                id={`comment-${field}`}
                name={field}
                type={type}
                autoComplete={autoComplete}
                required={required}
                maxLength={field === "name" ? 80 : field === "email" ? 254 : 2000}
                defaultValue={value(field)}
                aria-invalid={error(field) ? true : undefined}
                aria-describedby={describedBy(field)}
              />
              {error(field) && (
                <p id={`comment-${field}-error`} className={styles.error}>
                  {error(field)}
                </p>
              )}
            </div>
          ))}
        </div>
        <div className={styles.check}>
          <input id="comment-remember" name="remember" type="checkbox" value="1" />
          <label htmlFor="comment-remember">Save my name and email in this browser</label>
        </div>
        <button type="submit" className={styles.submit} disabled={pending}>
          {pending ? "Posting…" : "Post Comment"}
        </button>
      </form>
    </section>
  );
}
