"use client";

import { useEffect, useState, type MouseEvent, type ReactNode } from "react";

/**
 * Holds one page of an article's threads. With JavaScript, a link to another page of them
 * (data-comment-page) fetches that page's own cached HTML and shows its threads here, in
 * place of these; without it the links are ordinary. A link to a comment that is on another
 * page (`#comment-123`) goes on to its permalink, which knows the page.
 */
export function CommentPager({ articlePath, className, children }: { articlePath: string; className?: string; children: ReactNode }) {
  const [html, setHtml] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  useEffect(() => {
    const find = () => {
      const match = /^#comment-(\d{1,10})$/.exec(window.location.hash);
      if (match && !document.getElementById(`comment-${match[1]}`)) window.location.replace(`${articlePath}/comment/${match[1]}`);
    };
    find();
    window.addEventListener("hashchange", find);
    return () => window.removeEventListener("hashchange", find);
  }, [articlePath]);

  async function onClick(event: MouseEvent<HTMLElement>) {
    const link = (event.target as HTMLElement).closest<HTMLAnchorElement>("a[data-comment-page]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    setStatus("Loading comments…");
    try {
      const response = await fetch(link.href, { headers: { accept: "text/html" } });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const threads = page.getElementById("comment-threads");
      if (!threads) throw new Error("no comments in the page");
      setHtml(threads.innerHTML);
      setStatus(`Comments page ${link.dataset.commentPage} loaded`);
      document.getElementById("comments-heading")?.scrollIntoView({ block: "start" });
    } catch {
      // The page itself still works: go there.
      window.location.assign(link.href);
    }
  }

  // The section is what another page's HTML replaces, heading (its count) included.
  const section = { id: "comment-threads", "aria-labelledby": "comments-heading", className, onClick };
  return (
    <>
      {/* The fetched HTML is this site's own rendering of the same component, text escaped by React. */}
      {html === null ? (
        <section {...section} key="server">
          {children}
        </section>
      ) : (
        <section {...section} key="loaded" dangerouslySetInnerHTML={{ __html: html }} />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
