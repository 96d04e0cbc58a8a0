"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useBodyImages } from "@/components/newsroom/body-image-dialog";
import { useAutosave } from "@/components/newsroom/use-autosave";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
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
        {/* After a save, focus goes to what it says (saved, or what to fix), not to the page's
            body. A save that changed the article remounts this form (its key is the version)
            with the result as `flash`, so a message present at mount is focused too. */}
        <FormStatus state={state} fallback={flash} focus />
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
          <Field
            id="article-older-copy"
            label="Your unsaved body, from this browser"
            className={styles.field}
          >
            {(control) => (
              <textarea {...control} readOnly rows={6} value={autosave.olderCopy ?? ""} />
            )}
          </Field>
        )}
        <div className={styles.editorGrid}>
          <div className={styles.form}>
            <Field id="article-title" label="Title" error={error("title")} className={styles.field}>
              {(control) => (
                <input
                  {...control}
                  name="title"
                  required
                  maxLength={200}
                  value={title}
                  onChange={(e) => {
                    setTitle(e.target.value);
                    if (!slugEdited) setSlug(slugify(e.target.value));
                  }}
                />
              )}
            </Field>
            <Field
              id="article-slug"
              label="Slug"
              hint="Made from the title; lower-case letters, digits and hyphens. Made unique when saved."
              error={error("slug")}
              className={styles.field}
            >
              {(control) => (
                <input
                  {...control}
                  name="slug"
                  maxLength={80}
                  value={slug}
                  onChange={(e) => {
                    setSlug(e.target.value);
                    setSlugEdited(true);
                  }}
                />
              )}
            </Field>
            <Field id="article-standfirst" label="Standfirst" error={error("standfirst")} className={styles.field}>
              {(control) => (
                <textarea
                  {...control}
                  name="standfirst"
                  rows={3}
                  maxLength={600}
                  defaultValue={v("standfirst")}
                  onChange={(e) => setStandfirst(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="article-body"
              label="Body"
              hint="Markdown: ## for sub-headings, > for quotes, - for lists, [text](https://…) for links. Paste or drop an image to add it."
              error={error("body")}
              className={styles.field}
            >
              {(control) => (
                <>
                  <textarea
                    {...control}
                    ref={bodyRef}
                    name="body"
                    rows={22}
                    value={body}
                    onChange={(e) => setBody(e.target.value)}
                    onPaste={images.onPaste}
                    onDragOver={images.onDragOver}
                    onDrop={images.onDrop}
                  />
                  <p role="status" aria-live="polite" className={styles.hint} data-testid="body-image-status">
                    {images.status}
                  </p>
                  <p className={styles.hint} data-testid="body-count">
                    {countWords(body).toLocaleString("en-US")} words · {readingMinutes(body)} min read
                  </p>
                </>
              )}
            </Field>
          </div>
          <div className={styles.form}>
            {/* Where it goes first: on a laptop Section and Tags are in view beside the Title. */}
            <div className={styles.row}>
              <Field id="article-section" label="Section" error={error("sectionId")} className={styles.field}>
                {(control) => (
                  <select {...control} name="sectionId" defaultValue={v("sectionId")}>
                    <option value="">Choose…</option>
                    {sections.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id="article-author" label="Author" error={error("authorId")} className={styles.field}>
                {(control) => (
                  <select {...control} name="authorId" defaultValue={v("authorId")}>
                    <option value="">Choose…</option>
                    {authors.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <Field
              id="article-tags"
              label="Tags"
              hint="Separated by commas; new tags are created as you save."
              error={error("tags")}
              className={styles.field}
            >
              {(control) => <input {...control} name="tags" defaultValue={v("tags")} />}
            </Field>
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
              <Field id="article-source" label="Source" error={error("sourceName")} className={styles.field}>
                {(control) => <input {...control} name="sourceName" maxLength={200} defaultValue={v("sourceName")} />}
              </Field>
              <Field id="article-source-url" label="Source URL" error={error("sourceUrl")} className={styles.field}>
                {(control) => <input {...control} name="sourceUrl" type="url" defaultValue={v("sourceUrl")} />}
              </Field>
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
              <Field id="article-comments" label="Comments" error={error("commentMode")} className={styles.field}>
                {(control) => (
                  <select {...control} name="commentMode" defaultValue={v("commentMode")}>
                    <option value="moderated">Moderated: every comment waits for a moderator</option>
                    <option value="open">Open: known commenters publish at once</option>
                    <option value="closed">Closed</option>
                  </select>
                )}
              </Field>
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
              <Field
                id="article-hero"
                label="Image file"
                hint="JPEG, PNG or WebP, up to 10 MB."
                error={error("hero")}
                className={styles.field}
              >
                {(control) => <input {...control} name="hero" type="file" accept="image/jpeg,image/png,image/webp" />}
              </Field>
              <Field id="article-hero-alt" label="Image description" error={error("heroImageAlt")} className={styles.field}>
                {(control) => <input {...control} name="heroImageAlt" maxLength={300} defaultValue={v("heroImageAlt")} />}
              </Field>
              <div className={styles.row}>
                <Field id="article-hero-caption" label="Caption" error={error("heroImageCaption")} className={styles.field}>
                  {(control) => <input {...control} name="heroImageCaption" maxLength={500} defaultValue={v("heroImageCaption")} />}
                </Field>
                <Field id="article-hero-credit" label="Credit" error={error("heroImageCredit")} className={styles.field}>
                  {(control) => <input {...control} name="heroImageCredit" maxLength={200} defaultValue={v("heroImageCredit")} />}
                </Field>
              </div>
            </fieldset>
            {canPublish && (
              <Field
                id="article-scheduled-at"
                label="Publish at"
                hint="For Schedule, in the site's time zone."
                error={error("scheduledAt")}
                className={styles.field}
              >
                {(control) => <input {...control} name="scheduledAt" type="datetime-local" step={1} defaultValue={v("scheduledAt")} />}
              </Field>
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
