import { and, desc, eq, gt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bannedCommenters, bannedWords, comments } from "@/db/schema";

/**
 * The spam defences, none of which sends a reader's data anywhere. Each finding carries the
 * reason a moderator reads in the queue and how severe it is: `reject` refuses the comment
 * (the commenter is told why), `spam` files it away silently, `hold` keeps it for a
 * moderator even where the article would publish it at once.
 */
export const spamRules = {
  /** people need a few seconds to write anything; scripts post the moment the page loads */
  minSeconds: 3,
  maxLinks: 2,
  duplicateWindowMinutes: 60,
  /** per IP address and per email, counted across every instance in PostgreSQL */
  rate: { limit: 5, windowSeconds: 10 * 60, refuseAbove: 30 },
} as const;

export type Severity = "reject" | "spam" | "hold";
export type Finding = { severity: Severity; reason: string };

const order: Severity[] = ["reject", "spam", "hold"];

/** The worst severity among the findings, or null when none fired. */
export function worstSeverity(findings: Finding[]): Severity | null {
  return order.find((s) => findings.some((f) => f.severity === s)) ?? null;
}

// Zero-width characters and soft hyphens are invisible; spammers put them inside words to
// slip past word lists.
const invisible = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Folds text for matching: compatibility forms (full-width letters, ligatures), case, accents. */
export function foldForMatching(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(invisible, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The listed words or phrases that occur in `text` as whole words, ignoring case and accents. */
export function findListedWords(text: string, words: readonly string[]): string[] {
  const folded = foldForMatching(text);
  return words.filter((word) => {
    const needle = foldForMatching(word);
    if (!needle) return false;
    return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(needle)}(?![\\p{L}\\p{N}])`, "u").test(folded);
  });
}

/** Web addresses in a text: anything with a scheme, or starting with www. */
export function countLinks(text: string): number {
  return text.match(/\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"']+/giu)?.length ?? 0;
}

/** A single word that mixes Latin with Cyrillic or Greek letters looks like an impersonation. */
export function mixesAlphabets(text: string): boolean {
  return text
    .split(/[\s@._-]+/u)
    .some((word) => /\p{Script=Latin}/u.test(word) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word));
}

/** What the form itself says about who filled it in. */
export function checkForm(form: { honeypot: string | null; elapsedMs: number | null }): Finding[] {
  const findings: Finding[] = [];
  if (form.honeypot) findings.push({ severity: "spam", reason: "The hidden field that people never see was filled in" });
  if (form.elapsedMs === null) {
    findings.push({ severity: "hold", reason: "No form timing (sent without JavaScript, or by a script)" });
  } else if (form.elapsedMs < spamRules.minSeconds * 1000) {
    findings.push({
      severity: "spam",
      reason: `Sent ${(form.elapsedMs / 1000).toFixed(1)} s after the form appeared (minimum ${spamRules.minSeconds} s)`,
    });
  }
  return findings;
}

/** What the words of the comment say: listed words, links, look-alike names. */
export function checkText(
  comment: { body: string; name: string; website: string | null },
  words: { banned: readonly string[]; suspect: readonly string[] },
): Finding[] {
  const findings: Finding[] = [];
  const text = [comment.body, comment.name, comment.website ?? ""].join("\n");
  for (const word of findListedWords(text, words.banned)) findings.push({ severity: "reject", reason: `Banned word: "${word}"` });
  for (const word of findListedWords(text, words.suspect)) findings.push({ severity: "hold", reason: `Suspect word: "${word}"` });
  const links = countLinks(comment.body);
  if (links > spamRules.maxLinks) findings.push({ severity: "hold", reason: `${links} links (at most ${spamRules.maxLinks})` });
  if (mixesAlphabets(comment.name)) findings.push({ severity: "hold", reason: "The name mixes Latin with Cyrillic or Greek letters" });
  return findings;
}

export async function loadWordLists(db: Db): Promise<{ banned: string[]; suspect: string[] }> {
  const rows = await db.select({ word: bannedWords.word, kind: bannedWords.kind }).from(bannedWords);
  return {
    banned: rows.filter((r) => r.kind === "banned").map((r) => r.word),
    suspect: rows.filter((r) => r.kind === "suspect").map((r) => r.word),
  };
}

/** Bans on the email or the address, and the same text posted to the article within the hour. */
export async function checkHistory(
  db: Db,
  comment: { articleId: number; email: string; ipHash: string | null; body: string },
): Promise<Finding[]> {
  const email = comment.email.trim().toLowerCase();
  const [bans, recent] = await Promise.all([
    db
      .select({ kind: bannedCommenters.kind })
      .from(bannedCommenters)
      .where(
        or(
          and(eq(bannedCommenters.kind, "email"), eq(bannedCommenters.value, email)),
          comment.ipHash ? and(eq(bannedCommenters.kind, "ip"), eq(bannedCommenters.value, comment.ipHash)) : undefined,
        ),
      ),
    db
      .select({ id: comments.id, body: comments.body })
      .from(comments)
      .where(
        and(
          eq(comments.articleId, comment.articleId),
          gt(comments.createdAt, sql`now() - ${sql.raw(`interval '${spamRules.duplicateWindowMinutes} minutes'`)}`),
        ),
      )
      .orderBy(desc(comments.createdAt))
      .limit(500),
  ]);
  // Folded, so that a changed capital or an invisible character does not make it new.
  const folded = foldForMatching(comment.body);
  const duplicate = recent.find((r) => foldForMatching(r.body) === folded);
  const findings: Finding[] = [];
  if (bans.some((b) => b.kind === "email")) findings.push({ severity: "spam", reason: "Banned email address" });
  if (bans.some((b) => b.kind === "ip")) findings.push({ severity: "spam", reason: "Banned IP address" });
  if (duplicate) {
    findings.push({ severity: "spam", reason: `Same text as comment #${duplicate.id} on this article within the hour` });
  }
  return findings;
}
