import "server-only";
import { cached } from "@/lib/cache/cached";
import { permanentRedirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { encodePath } from "./paths";
import { findRedirect } from "./queries";

/** For pages about to answer 404: the old address's new one, cached and tagged `redirects`. */
export const getRedirect = cache((path: string) =>
  cached(async () => findRedirect(await getDb(), { path }), ["redirect", path], { tags: [tags.redirects] })(),
);

/**
 * For pages that render their own 404 (NotFoundPage): a permanent redirect when `path` is an
 * old address, else nothing, and the page goes on to say it found nothing.
 */
export async function redirectIfMoved(path: string): Promise<void> {
  const to = await getRedirect(path);
  if (to) permanentRedirect(encodePath(to));
}
