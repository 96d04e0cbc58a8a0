"use client";

import { useRef, useState, type ClipboardEvent, type DragEvent } from "react";
import { uploadBodyImageAction } from "@/app/(newsroom)/actions";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/auth/action";
import styles from "./staff.module.css";

/** Alt text as Markdown reads it: brackets and backslashes escaped, on one line. */
function markdownImage(alt: string, url: string): string {
  const text = alt.replace(/\s+/g, " ").trim().replace(/([\\[\]])/g, "\\$1");
  return `![${text}](${url})`;
}

/** The body with the image put where the caret was, on a paragraph of its own. */
function insertAt(body: string, at: number, image: string): { body: string; caret: number } {
  const before = body.slice(0, at);
  const after = body.slice(at);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" || after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = `${lead}${image}${trail}`;
  return { body: before + inserted + after, caret: before.length + lead.length + image.length };
}

const imageOf = (files: FileList | undefined | null) => [...(files ?? [])].find((f) => f.type.startsWith("image/"));

/**
 * Pasting or dropping an image into the body: it is uploaded as the editor's hero images are
 * (the article must exist, so an unsaved draft is saved first), the writer is asked what it
 * shows, and the Markdown image goes in at the caret.
 */
export function useBodyImages({
  bodyRef,
  getBody,
  setBody,
  ensureArticle,
}: {
  bodyRef: React.RefObject<HTMLTextAreaElement | null>;
  getBody: () => string;
  setBody: (body: string) => void;
  /** the article's id, saving the draft first when it has none */
  ensureArticle: () => Promise<string>;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [status, setStatus] = useState("");
  const [altError, setAltError] = useState("");
  const pending = useRef<{ upload: Promise<ActionState>; caret: number } | null>(null);

  const start = (file: File) => {
    const body = bodyRef.current;
    const caret = body ? body.selectionEnd : getBody().length;
    const upload = (async (): Promise<ActionState> => {
      const articleId = await ensureArticle();
      if (!articleId) return { ok: false, message: "Give the draft a title and a section, so that it can be saved, before adding images." };
      const data = new FormData();
      data.set("articleId", articleId);
      data.set("image", file);
      try {
        return await uploadBodyImageAction(data);
      } catch {
        return { ok: false, message: "The image could not be uploaded. Please try again." };
      }
    })();
    pending.current = { upload, caret };
    setAltError("");
    setStatus(`Uploading ${file.name || "the image"}…`);
    const dialog = dialogRef.current;
    if (dialog) {
      (dialog.querySelector("input") as HTMLInputElement).value = "";
      dialog.showModal();
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const file = imageOf(event.clipboardData?.files);
    if (!file) return;
    event.preventDefault();
    start(file);
  };
  const onDragOver = (event: DragEvent<HTMLTextAreaElement>) => {
    if ([...event.dataTransfer.items].some((i) => i.kind === "file")) event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLTextAreaElement>) => {
    const file = imageOf(event.dataTransfer?.files);
    if (!file) return;
    event.preventDefault();
    start(file);
  };

  const insert = async (alt: string) => {
    const job = pending.current;
    if (!job) return;
    if (!alt.trim()) {
      setAltError("Please say what the image shows, for readers who cannot see it.");
      return;
    }
    dialogRef.current?.close();
    pending.current = null;
    const result = await job.upload;
    if (!result.ok || !result.imageUrl) {
      setStatus(result.message ?? "The image could not be uploaded.");
      bodyRef.current?.focus();
      return;
    }
    const next = insertAt(getBody(), job.caret, markdownImage(alt, result.imageUrl));
    setBody(next.body);
    setStatus("Image inserted.");
    requestAnimationFrame(() => {
      const body = bodyRef.current;
      if (!body) return;
      body.focus();
      body.setSelectionRange(next.caret, next.caret);
    });
  };

  const cancel = () => {
    pending.current = null;
    dialogRef.current?.close();
    setStatus("No image inserted.");
    bodyRef.current?.focus();
  };

  const dialog = (
    <dialog ref={dialogRef} aria-labelledby="body-image-heading" className={styles.dialog} onCancel={cancel}>
      <div className={styles.form}>
        <h2 id="body-image-heading" className={styles.legend}>
          Describe the image
        </h2>
        <Field id="body-image-alt" label="Alt text" hint="What the image shows, for readers who cannot see it." error={altError} className={styles.field}>
          {(control) => (
            <input
              {...control}
              maxLength={300}
              onKeyDown={(e) => {
                if (e.key === "Enter") {
                  e.preventDefault();
                  void insert(e.currentTarget.value);
                }
              }}
            />
          )}
        </Field>
        <div className={styles.actions}>
          <button type="button" className={styles.primary} onClick={(e) => void insert((e.currentTarget.closest("dialog")!.querySelector("input") as HTMLInputElement).value)}>
            Insert image
          </button>
          <button type="button" className={styles.secondary} onClick={cancel}>
            Cancel
          </button>
        </div>
      </div>
    </dialog>
  );

  return { onPaste, onDragOver, onDrop, dialog, status };
}
