import { z } from "zod";
import { bannedWordKinds, type CommentStatus } from "@/db/schema";

// What the moderation screens' forms accept: decisions on comments, bans and the word lists.

export const decisions = { approve: "approved", reject: "rejected", spam: "spam" } as const satisfies Record<string, CommentStatus>;
export type Decision = keyof typeof decisions;

const id = z.coerce.number().int().positive();

/** One id or several (checkboxes send the same name once per ticked box). */
const commentIds = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(id).min(1, "Select at least one comment").max(200, "Select at most 200 comments at a time"),
);

export const moderateInput = z.object({ ids: commentIds, decision: z.enum(Object.keys(decisions) as [Decision, ...Decision[]]) });

export const banInput = z.object({
  commentId: id,
  reason: z.string().trim().max(300, "Please keep the reason under 300 characters").optional().transform((v) => v ?? ""),
});

export const unbanInput = z.object({ banId: id });

/** A reported comment that a moderator keeps. */
export const commentIdInput = z.object({ id });

export const wordLimits = { length: 100, count: 500 } as const;

export const wordListInput = z.object({
  kind: z.enum(bannedWordKinds),
  words: z
    .string()
    .max(60_000)
    .default("")
    .transform((text) => {
      const seen = new Set<string>();
      return text
        .split(/\r?\n/)
        .map((w) => w.trim().replace(/\s+/g, " "))
        .filter((w) => w && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()));
    })
    .refine((words) => words.every((w) => w.length <= wordLimits.length), `Keep each word or phrase under ${wordLimits.length} characters`)
    .refine((words) => words.length <= wordLimits.count, `At most ${wordLimits.count} words per list`),
});
