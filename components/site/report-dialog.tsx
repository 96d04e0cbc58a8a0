"use client";

import { useEffect, useRef, useState } from "react";
import { ReportForm } from "./report-form";
import styles from "./comments.module.css";

/**
 * With JavaScript, a comment's Report link (data-report-comment) opens the report form in a
 * dialog here instead of going to the form's own page. One dialog serves every comment on the
 * page, those loaded in place from later pages included.
 */
export function ReportDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [commentId, setCommentId] = useState<number | null>(null);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-report-comment]");
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      event.preventDefault();
      opener.current = link;
      setCommentId(Number(link.dataset.reportComment));
      dialog.current?.showModal();
    }
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  function close() {
    dialog.current?.close();
  }

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="report-dialog-heading"
      onClose={() => {
        setCommentId(null);
        opener.current?.focus();
      }}
    >
      <h2 id="report-dialog-heading" className={styles.formHeading}>
        Report this comment
      </h2>
      {commentId !== null && <ReportForm key={commentId} commentId={commentId} onDone={close} />}
    </dialog>
  );
}
