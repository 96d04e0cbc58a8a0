import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
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

/**
 * Web addresses in a text: anything with a scheme, or starting with www. The scheme is bounded
 * (none is longer than 32 characters): unbounded, every position of "a.a.a.…" would scan to
 * the end of the text, quadratic in its length.
 */
export function countLinks(text: string): number {
  return text.match(/\b(?:[a-z][a-z0-9+.-]{0,31}:\/\/|www\.)[^\s<>"']+/giu)?.length ?? 0;
}

/** What the duplicate check compares: the folded body, hashed, stored with each comment. */
export function commentFingerprint(body: string): string {
  return createHash("sha256").update(foldForMatching(body)).digest("base64url");
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

export type WordLists = { banned: string[]; suspect: string[] };

/** What the stored-data checks need to know about a comment, read in one statement. */
export type SpamContext = {
  wordLists: WordLists;
  /** bans that match the comment's email or address */
  bans: ("email" | "ip")[];
  /** the newest comment on the article with the same fingerprint within {@link spamRules.duplicateWindowMinutes} minutes */
  duplicateOf: number | null;
};

/**
 * The word lists, the bans on the comment's email or address, and the article's recent
 * comments: one round trip, since each statement costs a comment post more than its own work.
 */
export async function loadSpamContext(
  db: Db,
  comment: { articleId: number; email: string; ipHash: string | null; fingerprint: string },
): Promise<SpamContext> {
  const email = comment.email.trim().toLowerCase();
  const window = sql`make_interval(mins => ${spamRules.duplicateWindowMinutes})`;
  const rows = rowsOf<{ what: "banned" | "suspect" | "ban" | "duplicate"; text: string; id: number | null }>(
    await db.execute(sql`
      select ${bannedWords.kind} as what, ${bannedWords.word} as text, null::int as id from ${bannedWords}
      union all
      select 'ban', ${bannedCommenters.kind}, null from ${bannedCommenters}
      where (${bannedCommenters.kind} = 'email' and ${bannedCommenters.value} = ${email})
         or (${bannedCommenters.kind} = 'ip' and ${bannedCommenters.value} = ${comment.ipHash ?? ""})
      union all
      (select 'duplicate', null, ${comments.id} from ${comments}
       where ${comments.articleId} = ${comment.articleId} and ${comments.fingerprint} = ${comment.fingerprint}
         and ${comments.createdAt} > now() - ${window}
       order by ${comments.id} desc limit 1)`),
  );
  const context: SpamContext = { wordLists: { banned: [], suspect: [] }, bans: [], duplicateOf: null };
  for (const row of rows) {
    if (row.what === "banned" || row.what === "suspect") context.wordLists[row.what].push(row.text);
    else if (row.what === "ban") context.bans.push(row.text as "email" | "ip");
    else context.duplicateOf = Number(row.id);
  }
  return context;
}

/** Bans on the email or the address, and the same text posted to the article within the hour. */
// Compared by fingerprint (the folded body's hash), so that a changed capital or an invisible
// character does not make a text new, and a busy story's comments are not folded again per post.
export function checkHistory(context: SpamContext): Finding[] {
  const duplicate = context.duplicateOf;
  const findings: Finding[] = [];
  if (context.bans.includes("email")) findings.push({ severity: "spam", reason: "Banned email address" });
  if (context.bans.includes("ip")) findings.push({ severity: "spam", reason: "Banned IP address" });
  if (duplicate) {
    findings.push({ severity: "spam", reason: `Same text as comment #${duplicate} on this article within the hour` });
  }
  return findings;
}
