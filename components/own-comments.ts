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
