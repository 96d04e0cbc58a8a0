/**
 * Long threads are paged by their top-level comments: each page carries this many, oldest
 * first, with every reply they have, so that a thread is never split across two pages.
 */
export const threadsPerPage = 50;

/** The page of a thread with `before` visible top-level comments ahead of it. */
export function commentPageFor(before: number): number {
  return Math.floor(before / threadsPerPage) + 1;
}

/** Page 1 is the article itself; later pages have their own address. */
export function commentPageHref(article: { section: string; slug: string }, page: number): string {
  const base = `/${article.section}/${article.slug}`;
  return page <= 1 ? base : `${base}/comments/${page}`;
}

/** A comment's address on its page. */
export function commentHref(article: { section: string; slug: string }, page: number, commentId: number): string {
  return `${commentPageHref(article, page)}#comment-${commentId}`;
}

/** The permalink of a comment, which finds its page whatever comments came before it since. */
export function commentPermalink(article: { section: string; slug: string }, commentId: number): string {
  return `/${article.section}/${article.slug}/comment/${commentId}`;
}
