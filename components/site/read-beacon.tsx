"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

type PrerenderingDocument = Document & { prerendering?: boolean };

/**
 * Counts a read: one beacon per page shown, to the site itself (app/api/read). The page's HTML
 * is the same for everyone; what the beacon says comes from the browser: the article id the
 * page carries in `data-article-id`, the address, and the referrer (for a navigation inside the
 * site, the page before). A page loaded speculatively (prerendered, or opened in a background
 * tab) sends nothing until it is actually shown. Without JavaScript nothing is counted.
 */
export function ReadBeacon() {
  const pathname = usePathname();
  const previous = useRef<string | null>(null);

  useEffect(() => {
    const referrer = previous.current === null ? document.referrer : `${location.origin}${previous.current}`;
    previous.current = location.pathname + location.search;
    const doc = document as PrerenderingDocument;
    let sent = false;
    const send = () => {
      if (sent || doc.prerendering || document.visibilityState !== "visible") return;
      sent = true;
      stop();
      const id = Number(document.querySelector<HTMLElement>("[data-article-id]")?.dataset.articleId);
      const body = JSON.stringify({ a: Number.isInteger(id) && id > 0 ? id : undefined, u: location.href.split("#")[0], r: referrer });
      navigator.sendBeacon?.("/api/read", body);
    };
    const stop = () => {
      document.removeEventListener("visibilitychange", send);
      document.removeEventListener("prerenderingchange", send);
    };
    document.addEventListener("visibilitychange", send);
    document.addEventListener("prerenderingchange", send);
    send();
    return stop;
  }, [pathname]);

  return null;
}
