"use server";

import { revalidateTag } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getPrimaryDb } from "@/db/client";
import { tags } from "@/lib/cache-tags";
import { commentInput, commentMessages, hashIp, submitComment, type CommentField } from "@/lib/comments/submit";
import { authSecret } from "@/lib/env";

export type CommentFormState = {
  ok: boolean;
  message?: string;
  errors?: Partial<Record<CommentField, string[]>>;
  values?: Partial<Record<CommentField, string>>;
  /** the commenter's own comment, shown to them alone while it waits */
  posted?: { id: number; name: string; body: string; status: "pending" | "approved"; parentId: number | null };
};

function clientIp(h: Headers): string | null {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || null;
}

/** The LEAVE A REPLY form's action. Anyone may call it; it validates everything it is sent. */
export async function postComment(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const raw = Object.fromEntries(
    ["articleId", "parentId", "body", "name", "email", "website", "idempotencyKey"].map((k) => [
      k,
      typeof formData.get(k) === "string" ? (formData.get(k) as string) : undefined,
    ]),
  );
  const values = { body: raw.body ?? "", name: raw.name ?? "", email: raw.email ?? "", website: raw.website ?? "" };
  const parsed = commentInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return {
      ok: false,
      message: "Please correct the highlighted fields.",
      errors: { body: fieldErrors.body, name: fieldErrors.name, email: fieldErrors.email, website: fieldErrors.website },
      values,
    };
  }
  const h = await headers();
  const ip = clientIp(h);
  const db = await getPrimaryDb();
  const outcome = await submitComment(db, parsed.data, {
    ipHash: ip ? hashIp(ip, authSecret()) : null,
    userAgent: h.get("user-agent"),
  });
  if (!outcome.ok) return { ok: false, message: commentMessages[outcome.reason], values };
  if (outcome.status === "approved") revalidateTag(tags.article(outcome.articleId), { expire: 0 });
  return {
    ok: true,
    message: outcome.status === "approved" ? commentMessages.published : commentMessages.awaiting,
    values: { name: values.name, email: values.email, website: values.website },
    posted: {
      id: outcome.commentId,
      name: parsed.data.name,
      body: parsed.data.body,
      status: outcome.status,
      parentId: parsed.data.parentId,
    },
  };
}
