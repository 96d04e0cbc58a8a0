import { NextResponse, type NextRequest } from "next/server";
import { getDb } from "@/db/client";
import { commentHref } from "@/lib/comments/paging";
import { findComment } from "@/lib/comments/queries";

/**
 * A comment's permalink: sends the reader to the page its thread is on now, at the comment.
 * Not cached: which page that is changes as comments are approved or taken down.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ section: string; slug: string; id: string }> }) {
  const { section, slug, id } = await params;
  const commentId = /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
  const found = commentId && commentId <= 2_147_483_647 ? await findComment(await getDb(), { commentId }) : null;
  if (!found || found.section !== section || found.slug !== slug) {
    return new NextResponse("This comment is not on this article, or is no longer shown.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return NextResponse.redirect(new URL(commentHref(found, found.page, found.commentId), request.nextUrl), 307);
}
