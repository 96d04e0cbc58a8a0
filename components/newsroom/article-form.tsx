"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useBodyImages } from "@/components/newsroom/body-image-dialog";
import { useAutosave } from "@/components/newsroom/use-autosave";
import { usePageActionState } from "@/components/ui/use-page-action-state";
import {
  previewMarkdownAction,
  saveArticleAction,
} from "@/app/(newsroom)/actions";
import type { ActionState } from "@/lib/auth/action";
import { countWords, readingMinutes } from "@/lib/format";
import { slugify } from "@/lib/slug";
import bodyStyles from "@/components/ui/article.module.css";
import styles from "./staff.module.css";

export type ArticleFormValues = {
  id: string;
  version: string;
  title: string;
  slug: string;
  standfirst: string;
  body: string;
  sectionId: string;
  authorId: string;
  tags: string;
  sourceName: string;
  sourceUrl: string;
  mustRead: boolean;
  commentMode: "open" | "moderated" | "closed";
  heroImageAlt: string;
  heroImageCaption: string;
  heroImageCredit: string;
  heroImageUrl: string;
  scheduledAt: string;
  status: "draft" | "review" | "scheduled" | "published" | "new";
};

type Option = { id: number; name: string };

export function ArticleForm({
  initial,
  sections,
  authors,
  canPublish,
  flash,
  timeZone,
}: {
  flash?: string;
  /** the site's, for the time of the last autosave */
  timeZone: string;
  initial: ArticleFormValues;
  sections: Option[];
  authors: Option[];
  canPublish: boolean;
}) {
  const [state, action, pending] = usePageActionState<ActionState, FormData>(
    saveArticleAction,
    { ok: false },
  );
  const v = (name: keyof ArticleFormValues): string =>
    state.values?.[name] ?? String(initial[name] ?? "");
  const [title, setTitle] = useState(initial.title);
  const [slug, setSlug] = useState(initial.slug);
  const [slugEdited, setSlugEdited] = useState(
    initial.slug !== "" && initial.slug !== slugify(initial.title),
  );
  const [body, setBody] = useState(initial.body);
  const [standfirst, setStandfirst] = useState(initial.standfirst);
  const statusRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  const autosave = useAutosave({
    formRef,
    enabled: initial.status === "draft" || initial.status === "new",
    initialId: initial.id,
    initialVersion: initial.version,
    timeZone,
    restore: (values) => {
      const form = formRef.current!;
      for (const element of form.elements) {
        if (!(
          element instanceof HTMLInputElement ||
          element instanceof HTMLTextAreaElement ||
          element instanceof HTMLSelectElement
        ))
          continue;
        if (
          !element.name ||
          element.type === "file" ||
          element.type === "hidden"
        )
          continue;
        if (element instanceof HTMLInputElement && element.type === "checkbox")
          element.checked = values[element.name] === "on";
        else if (values[element.name] !== undefined)
          element.value = values[element.name]!;
      }
      setTitle(values.title ?? "");
      setSlug(values.slug ?? "");
      setSlugEdited(true);
      setBody(values.body ?? "");
      setStandfirst(values.standfirst ?? "");
    },
  });
  const images = useBodyImages({
    bodyRef,
    getBody: () => bodyRef.current?.value ?? "",
    setBody: (next) => {
      setBody(next);
      autosave.changed();
    },
    ensureArticle: async () => autosave.id || (await autosave.saveNow()),
  });

  // After a save, focus goes to what it says (saved, or what to fix), not to the page's body. A
  // save that changed the article remounts this form (its key is the version) with the result
  // as `flash`, so a message present at mount is focused too.
  useEffect(() => {
    if (state.message || flash) statusRef.current?.focus();
  }, [state, flash]);
  const [preview, setPreview] = useState("");
  const [, startPreview] = useTransition();

  // The Preview is rendered on the server by the same pipeline as the public page.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        startPreview(async () => setPreview(await previewMarkdownAction(body))),
      300,
    );
    return () => clearTimeout(timer);
  }, [body]);

  const error = (field: string) => state.errors?.[field]?.[0];
  const describe = (field: string, hint?: string) =>
    [error(field) ? `${field}-error` : null, hint ? `${field}-hint` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const fieldError = (field: string) =>
    error(field) ? (
      <p id={`${field}-error`} className={styles.error}>
        {error(field)}
      </p>
    ) : null;
  const live = initial.status === "published" || initial.status === "scheduled";

  // React resets a form after its action; a <select> would fall back to the value it was
  // mounted with. A new key per refused save remounts the fields with what was typed.
  const formKey = state.values
    ? `${state.message}\u0001${Object.values(state.values).join("\u0001")}`
    : "initial";

  return (
    <>
      <form
        action={action}
        className={styles.form}
        noValidate
        key={formKey}
        ref={formRef}
        onInput={autosave.changed}
        onSubmit={autosave.submitted}
      >
        <input type="hidden" name="id" value={autosave.id} />
        <input type="hidden" name="version" value={autosave.version} />
        <div
          ref={statusRef}
          tabIndex={-1}
          role="status"
          aria-live="polite"
          className={styles.alertSlot}
        >
          {state.message ? (
            <p className={state.ok ? styles.okBox : styles.errorBox}>
              {state.message}
            </p>
          ) : (
            flash && <p className={styles.okBox}>{flash}</p>
          )}
        </div>
        {/* Autosave speaks politely in its own region: it never takes the focus from the writer. */}
        <p
          role="status"
          aria-live="polite"
          className={autosave.failed ? styles.error : styles.hint}
          data-testid="autosave-status"
        >
          {autosave.notice}
        </p>
        {autosave.olderCopy !== null && (
          <div className={styles.field}>
            <label htmlFor="article-older-copy">
              Your unsaved body, from this browser
            </label>
            <textarea
              id="article-older-copy"
              readOnly
              rows={6}
              value={autosave.olderCopy}
            />
          </div>
        )}
        <div className={styles.editorGrid}>
          <div className={styles.form}>
            <div className={styles.field}>
              <label htmlFor="article-title">Title</label>
              <input
                id="article-title"
                name="title"
                required
                maxLength={200}
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  if (!slugEdited) setSlug(slugify(e.target.value));
                }}
                aria-invalid={error("title") ? true : undefined}
                aria-describedby={describe("title")}
              />
              {fieldError("title")}
            </div>
            <div className={styles.field}>
              <label htmlFor="article-slug">Slug</label>
              <input
                id="article-slug"
                name="slug"
                maxLength={80}
                value={slug}
                onChange={(e) => {
                  setSlug(e.target.value);
                  setSlugEdited(true);
                }}
                aria-invalid={error("slug") ? true : undefined}
                aria-describedby={describe("slug", "hint")}
              />
              <p id="slug-hint" className={styles.hint}>
                Made from the title; lower-case letters, digits and hyphens.
                Made unique when saved.
              </p>
              {fieldError("slug")}
            </div>
            <div className={styles.field}>
              <label htmlFor="article-standfirst">Standfirst</label>
              <textarea
                id="article-standfirst"
                name="standfirst"
                rows={3}
                maxLength={600}
                defaultValue={v("standfirst")}
                onChange={(e) => setStandfirst(e.target.value)}
                aria-describedby={describe("standfirst")}
              />
              {fieldError("standfirst")}
            </div>
            <div className={styles.field}>
              <label htmlFor="article-body">Body</label>
              <textarea
                ref={bodyRef}
                id="article-body"
                name="body"
                rows={22}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                onPaste={images.onPaste}
                onDragOver={images.onDragOver}
                onDrop={images.onDrop}
                aria-describedby={describe("body", "hint")}
              />
              <p id="body-hint" className={styles.hint}>
                Markdown: ## for sub-headings, &gt; for quotes, - for lists,
                [text](https://…) for links. Paste or drop an image to add it.
              </p>
              <p
                role="status"
                aria-live="polite"
                className={styles.hint}
                data-testid="body-image-status"
              >
                {images.status}
              </p>
              <p className={styles.hint} data-testid="body-count">
                {countWords(body).toLocaleString("en-US")} words ·{" "}
                {readingMinutes(body)} min read
              </p>
              {fieldError("body")}
            </div>
          </div>
          <div className={styles.form}>
            {/* Where it goes first: on a laptop Section and Tags are in view beside the Title. */}
            <div className={styles.row}>
              <div className={styles.field}>
                <label htmlFor="article-section">Section</label>
                <select
                  id="article-section"
                  name="sectionId"
                  defaultValue={v("sectionId")}
                  aria-describedby={describe("sectionId")}
                >
                  <option value="">Choose…</option>
                  {sections.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                {fieldError("sectionId")}
              </div>
              <div className={styles.field}>
                <label htmlFor="article-author">Author</label>
                <select
                  id="article-author"
                  name="authorId"
                  defaultValue={v("authorId")}
                  aria-describedby={describe("authorId")}
                >
                  <option value="">Choose…</option>
                  {authors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
                {fieldError("authorId")}
              </div>
            </div>
            <div className={styles.field}>
              <label htmlFor="article-tags">Tags</label>
              <input
                id="article-tags"
                name="tags"
                defaultValue={v("tags")}
                aria-describedby="tags-hint"
              />
              <p id="tags-hint" className={styles.hint}>
                Separated by commas; new tags are created as you save.
              </p>
            </div>
            <section aria-labelledby="preview-heading">
              <h2 id="preview-heading" className={styles.legend}>
                Preview
              </h2>
              {/* As the reader will see it: headline and standfirst above the body. */}
              <div className={styles.preview}>
                <p className={bodyStyles.title}>{title || "Untitled"}</p>
                {standfirst && (
                  <p className={bodyStyles.standfirst}>{standfirst}</p>
                )}
                <div
                  className={bodyStyles.body}
                  dangerouslySetInnerHTML={{ __html: preview }}
                />
              </div>
            </section>
            <div className={styles.row}>
              <div className={styles.field}>
                <label htmlFor="article-source">Source</label>
                <input
                  id="article-source"
                  name="sourceName"
                  maxLength={200}
                  defaultValue={v("sourceName")}
                />
              </div>
              <div className={styles.field}>
                <label htmlFor="article-source-url">Source URL</label>
                <input
                  id="article-source-url"
                  name="sourceUrl"
                  type="url"
                  defaultValue={v("sourceUrl")}
                  aria-invalid={error("sourceUrl") ? true : undefined}
                  aria-describedby={describe("sourceUrl")}
                />
                {fieldError("sourceUrl")}
              </div>
            </div>
            <div className={styles.row}>
              <div className={styles.check}>
                <input
                  id="article-must-read"
                  name="mustRead"
                  type="checkbox"
                  defaultChecked={
                    state.values
                      ? state.values.mustRead === "on"
                      : initial.mustRead
                  }
                />
                <label htmlFor="article-must-read">Must read</label>
              </div>
              <div className={styles.check}>
                <input
                  id="article-breaking"
                  name="breaking"
                  type="checkbox"
                  defaultChecked={state.values?.breaking === "on"}
                />
                <label htmlFor="article-breaking">Send as breaking news</label>
              </div>
              <div className={styles.field}>
                <label htmlFor="article-comments">Comments</label>
                <select
                  id="article-comments"
                  name="commentMode"
                  defaultValue={v("commentMode")}
                >
                  <option value="moderated">
                    Moderated: every comment waits for a moderator
                  </option>
                  <option value="open">
                    Open: known commenters publish at once
                  </option>
                  <option value="closed">Closed</option>
                </select>
              </div>
            </div>
            <fieldset className={styles.form}>
              <legend className={styles.legend}>Hero image</legend>
              {initial.heroImageUrl && (
                <>
                  {/* eslint-disable-next-line @next/next/no-img-element -- a staff preview of the stored variant */}
                  <img src={initial.heroImageUrl} alt="" width={320} />
                  <div className={styles.check}>
                    <input
                      id="article-remove-hero"
                      name="removeHero"
                      type="checkbox"
                    />
                    <label htmlFor="article-remove-hero">
                      Remove the hero image
                    </label>
                  </div>
                </>
              )}
              <div className={styles.field}>
                <label htmlFor="article-hero">Image file</label>
                <input
                  id="article-hero"
                  name="hero"
                  type="file"
                  accept="image/jpeg,image/png,image/webp"
                  aria-describedby={describe("hero", "hint")}
                />
                <p id="hero-hint" className={styles.hint}>
                  JPEG, PNG or WebP, up to 10 MB.
                </p>
                {fieldError("hero")}
              </div>
              <div className={styles.field}>
                <label htmlFor="article-hero-alt">Image description</label>
                <input
                  id="article-hero-alt"
                  name="heroImageAlt"
                  maxLength={300}
                  defaultValue={v("heroImageAlt")}
                />
              </div>
              <div className={styles.row}>
                <div className={styles.field}>
                  <label htmlFor="article-hero-caption">Caption</label>
                  <input
                    id="article-hero-caption"
                    name="heroImageCaption"
                    maxLength={500}
                    defaultValue={v("heroImageCaption")}
                  />
                </div>
                <div className={styles.field}>
                  <label htmlFor="article-hero-credit">Credit</label>
                  <input
                    id="article-hero-credit"
                    name="heroImageCredit"
                    maxLength={200}
                    defaultValue={v("heroImageCredit")}
                  />
                </div>
              </div>
            </fieldset>
            {canPublish && (
              <div className={styles.field}>
                <label htmlFor="article-scheduled-at">Publish at</label>
                <input
                  id="article-scheduled-at"
                  name="scheduledAt"
                  type="datetime-local"
                  step={1}
                  defaultValue={v("scheduledAt")}
                  aria-describedby={describe("scheduledAt", "hint")}
                />
                <p id="scheduledAt-hint" className={styles.hint}>
                  For Schedule, in the site&apos;s time zone.
                </p>
                {fieldError("scheduledAt")}
              </div>
            )}
          </div>
        </div>
        <div className={styles.actions}>
          {!live && (
            <button
              type="submit"
              name="intent"
              value="draft"
              className={styles.secondary}
              disabled={pending || autosave.saving}
            >
              Save draft
            </button>
          )}
          {!canPublish && !live && (
            <button
              type="submit"
              name="intent"
              value="review"
              className={styles.primary}
              disabled={pending || autosave.saving}
            >
              Submit for review
            </button>
          )}
          {canPublish && (
            <>
              <button
                type="submit"
                name="intent"
                value="publish"
                className={styles.primary}
                disabled={pending || autosave.saving}
              >
                Publish
              </button>
              <button
                type="submit"
                name="intent"
                value="schedule"
                className={styles.secondary}
                disabled={pending || autosave.saving}
              >
                Schedule
              </button>
              {live && (
                <button
                  type="submit"
                  name="intent"
                  value="unpublish"
                  className={styles.danger}
                  disabled={pending || autosave.saving}
                >
                  Unpublish
                </button>
              )}
            </>
          )}
        </div>
      </form>
      {images.dialog}
    </>
  );
}
