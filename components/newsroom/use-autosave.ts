"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { autosaveArticleAction } from "@/app/(newsroom)/actions";
import { messages, type ActionState } from "@/lib/auth/action";
import { formatClock } from "@/lib/format";

/** How long the writer pauses before a draft is saved, and the longest wait between retries. */
const pauseMs = 2000;
const longestRetryMs = 30_000;
/** Fields a draft save leaves alone: a hero upload, its removal and alerts are the buttons' to do. */
const notAutosaved = ["hero", "removeHero", "breaking", "intent"];

type Backup = { values: Record<string, string>; version: string; at: string };

const backupKey = (id: string) => `gazette:article-draft:${id || "new"}`;

function readBackup(id: string): Backup | null {
  try {
    const text = localStorage.getItem(backupKey(id));
    return text ? (JSON.parse(text) as Backup) : null;
  } catch {
    return null;
  }
}

function formFields(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && !notAutosaved.includes(name) && name !== "id" && name !== "version" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

const sameValues = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys({ ...a, ...b }).every((k) => (a[k] ?? "") === (b[k] ?? ""));

type Autosave = {
  id: string;
  version: string;
  /** what the live region says: "Saved at 14:05", a retry, or why the draft is not saved */
  notice: string;
  failed: boolean;
  saving: boolean;
  /** unsaved text this browser kept from an older version of the article, to copy from */
  olderCopy: string | null;
  changed: () => void;
  /** a save now, for what needs the article to exist (an image upload); resolves to its id */
  saveNow: () => Promise<string>;
  /** before a button's save: the backup is the server's to replace now */
  submitted: () => void;
};

/**
 * Saves a draft as it is written: after a pause in typing and when the page is hidden (the tab
 * closed or left). Every change is also kept in this browser until a save succeeds, so a
 * reload, a closed tab or a refused save loses nothing: the editor restores it on return. A
 * save that fails says so and tries again, later each time; one refused because someone else
 * saved first (the version lock) stops autosave and leaves the text as typed.
 */
export function useAutosave({
  formRef,
  enabled,
  initialId,
  initialVersion,
  timeZone,
  restore,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  enabled: boolean;
  initialId: string;
  initialVersion: string;
  timeZone: string;
  /** puts restored values back into the form's fields */
  restore: (values: Record<string, string>) => void;
}): Autosave {
  const [id, setId] = useState(initialId);
  const [version, setVersion] = useState(initialVersion);
  const [notice, setNotice] = useState("");
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [olderCopy, setOlderCopy] = useState<string | null>(null);
  const current = useRef({ id: initialId, version: initialVersion });
  const dirty = useRef(false);
  const stopped = useRef(false);
  const inFlight = useRef<Promise<string> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const backupTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const retryMs = useRef(pauseMs);
  const retry = useRef<() => Promise<string>>(async () => "");

  // Only the time of day, and no zone: it is a moment ago, on this screen, in this session.
  const clock = useCallback((iso: string) => formatClock(iso, timeZone), [timeZone]);

  const writeBackup = useCallback(() => {
    clearTimeout(backupTimer.current);
    const form = formRef.current;
    if (!form || !enabled || !dirty.current) return;
    const backup: Backup = { values: formFields(form), version: current.current.version, at: new Date().toISOString() };
    try {
      localStorage.setItem(backupKey(current.current.id), JSON.stringify(backup));
    } catch {
      // A full or disabled store: the server save is then the only copy.
    }
  }, [formRef, enabled]);

  const dropBackups = useCallback(() => {
    try {
      localStorage.removeItem(backupKey(current.current.id));
      localStorage.removeItem(backupKey(""));
    } catch {}
  }, []);

  const save = useCallback(async (): Promise<string> => {
    const form = formRef.current;
    if (!form || !enabled || stopped.current) return current.current.id;
    if (inFlight.current) {
      await inFlight.current;
      if (!dirty.current) return current.current.id;
    }
    clearTimeout(timer.current);
    const data = new FormData(form);
    for (const name of notAutosaved) data.delete(name);
    data.set("id", current.current.id);
    data.set("version", current.current.version);
    dirty.current = false;
    setSaving(true);
    const run = (async () => {
      let state: ActionState | null = null;
      try {
        state = await autosaveArticleAction(data);
      } catch {
        state = null;
      }
      if (state?.ok && state.saved) {
        const fresh = !current.current.id;
        current.current = { id: String(state.saved.id), version: String(state.saved.version) };
        setId(current.current.id);
        setVersion(current.current.version);
        // A new article now has an address: a reload opens the saved draft.
        if (fresh) window.history.replaceState(null, "", `/editor/articles/${state.saved.id}`);
        retryMs.current = pauseMs;
        setFailed(false);
        setNotice(`Saved at ${clock(state.saved.at)}`);
        if (dirty.current) writeBackup();
        else dropBackups();
      } else if (!state || state.message === messages.unavailable) {
        dirty.current = true;
        writeBackup();
        const wait = retryMs.current;
        retryMs.current = Math.min(wait * 2, longestRetryMs);
        setFailed(true);
        setNotice(`Autosave failed at ${clock(new Date().toISOString())}. Trying again in ${Math.round(wait / 1000)} s; your text is kept in this browser.`);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void retry.current(), wait);
      } else if (state.refused || state.message?.startsWith("This article was changed by") || state.message?.startsWith("Autosave is for drafts")) {
        // Someone else's save, or no right to save: saving again would only be refused again.
        stopped.current = true;
        dirty.current = true;
        writeBackup();
        setFailed(true);
        setNotice(`Not saved: ${state.message}`);
      } else {
        // Not yet a draft the server can keep (no title or section, say): the next change tries again.
        dirty.current = true;
        writeBackup();
        const firstError = Object.values(state.errors ?? {}).find((e) => e?.length)?.[0];
        setFailed(false);
        setNotice(`Not saved yet: ${firstError ?? state.message ?? "please check the fields"}.`.replace(/\.\.$/, "."));
      }
      return current.current.id;
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
      setSaving(false);
    }
  }, [formRef, enabled, clock, writeBackup, dropBackups]);

  useEffect(() => {
    retry.current = save;
  }, [save]);

  const changed = useCallback(() => {
    if (!enabled) return;
    dirty.current = true;
    clearTimeout(backupTimer.current);
    backupTimer.current = setTimeout(writeBackup, 300);
    if (stopped.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), pauseMs);
  }, [enabled, writeBackup, save]);

  const submitted = useCallback(() => {
    clearTimeout(timer.current);
    clearTimeout(backupTimer.current);
    dirty.current = false;
    dropBackups();
  }, [dropBackups]);

  // Leaving the page (closing the tab, switching away): keep the copy, and save what can be.
  useEffect(() => {
    if (!enabled) return;
    const hidden = () => {
      if (document.visibilityState !== "hidden" || !dirty.current) return;
      writeBackup();
      if (!stopped.current) void save();
    };
    document.addEventListener("visibilitychange", hidden);
    window.addEventListener("pagehide", writeBackup);
    return () => {
      document.removeEventListener("visibilitychange", hidden);
      window.removeEventListener("pagehide", writeBackup);
    };
  }, [enabled, writeBackup, save]);

  // On opening the editor, what this browser kept and the server did not get comes back.
  useEffect(() => {
    const form = formRef.current;
    const backup = enabled && form ? readBackup(initialId) : null;
    if (!form || !backup) return;
    if (sameValues(backup.values, formFields(form))) {
      dropBackups();
      return;
    }
    if (backup.version !== initialVersion) {
      // Made to a version someone has replaced since: shown to copy from, never saved over theirs.
      setOlderCopy(backup.values.body ?? "");
      setNotice(`This browser kept changes from ${clock(backup.at)} to an older version of this article; they are below to copy from.`);
      return;
    }
    restore(backup.values);
    setNotice(`Restored your unsaved changes from ${clock(backup.at)}.`);
    dirty.current = true;
    timer.current = setTimeout(() => void save(), pauseMs);
    // Once, on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      clearTimeout(backupTimer.current);
    },
    [],
  );

  return { id, version, notice, failed, saving, olderCopy, changed, saveNow: save, submitted };
}
