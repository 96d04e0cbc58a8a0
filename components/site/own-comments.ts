// A reader's own comments that wait for moderation, remembered in this browser only (the
// cached article page is the same for everyone and cannot show them). Each is forgotten once
// the page shows it approved, or after two weeks.

export type OwnComment = {
  id: number;
  articleId: number;
  name: string;
  body: string;
  parentId: number | null;
  at: number;
};

const key = "gazette:own-comments";
const keepMs = 14 * 24 * 60 * 60 * 1000;

function read(): OwnComment[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? "[]") as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (c): c is OwnComment =>
        typeof c === "object" && c !== null && Number.isInteger(c.id) && Number.isInteger(c.articleId) &&
        typeof c.name === "string" && typeof c.body === "string" && typeof c.at === "number" && Date.now() - c.at < keepMs,
    );
  } catch {
    return [];
  }
}

function write(list: OwnComment[]) {
  try {
    localStorage.setItem(key, JSON.stringify(list.slice(-20)));
  } catch {
    // storage full or disabled: the comment is simply not remembered
  }
}

/** This article's waiting comments, after dropping those the page now shows. */
export function forgetApproved(articleId: number, isShown: (id: number) => boolean): OwnComment[] {
  const list = read().filter((c) => !isShown(c.id));
  write(list);
  return list.filter((c) => c.articleId === articleId);
}

export function rememberOwnComment(comment: OwnComment): OwnComment[] {
  const list = [...read().filter((c) => c.id !== comment.id), comment];
  write(list);
  return list.filter((c) => c.articleId === comment.articleId);
}

const commenterKeyStorage = "gazette:commenter-key";

/**
 * This browser's commenter key, made on its first comment and kept in localStorage. On an open
 * article a comment is published at once only when its email has an approved comment posted
 * with the same key: knowing someone's email is not enough to speak as them. Empty when
 * storage is unavailable, and the comment then waits for a moderator.
 */
export function commenterKey(): string {
  try {
    let key = localStorage.getItem(commenterKeyStorage);
    if (!key || !/^[A-Za-z0-9_-]{22,64}$/.test(key)) {
      const bytes = crypto.getRandomValues(new Uint8Array(24));
      key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      localStorage.setItem(commenterKeyStorage, key);
    }
    return key;
  } catch {
    return "";
  }
}
