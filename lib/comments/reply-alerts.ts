import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { comments, replyAlertAddresses, replyAlerts, siteSettings, suppressions } from "@/db/schema";
// authSecret: the same key as lib/mail/config's mailSecret.
import { authSecret, env } from "@/lib/env";
import { unsubscribeHeaders } from "@/lib/mail/headers";
import { enqueueMail } from "@/lib/mail/queue";
import { signToken, verifyToken, type TokenClaims } from "@/lib/mail/tokens";
import { emailHash } from "@/lib/newsletters/links";
import { countHits } from "@/lib/newsletters/subscriptions";
import { commentPermalink } from "./paging";
import { selectCommentsWithArticle } from "./queries";
import { replyAlertText, replyConfirmationText } from "./reply-alert-email";

// "Notify me of replies by email": when a reply to such a comment is approved (at once, or
// later by a moderator), its commenter gets one email. An email address is anyone's to type, so
// an address that has not confirmed reply alerts gets a confirmation instead, never the reply's
// text: otherwise anyone could send anyone a stranger's words from the site's address. Mail is
// only queued here (lib/mail/queue.ts), in the transaction that approved the reply, with its
// subject and plain text; the mail pass renders its HTML and speaks to the relay, both in the
// background.

export type AlertSite = { secret: string; siteUrl: string; siteName: string };

export const replyAlertLimits = {
  /** alerts one address can be sent in an hour; more are recorded as "limited" and not sent */
  alertsPerHour: 10,
  /** confirmations one address can be sent in a day (and one per comment that opted in) */
  confirmationsPerDay: 3,
};

/**
 * alert: the reply was queued; confirmation: a confirmation was queued instead; unconfirmed:
 * this comment (or, today, this address) was sent one already, not yet followed; suppressed: the address is on the newsletters'
 * suppression list (bounced, or unsubscribed from everything after the comment); stopped: its
 * owner stopped reply alerts after the comment; limited: over the hourly limit.
 */
export type AlertOutcome = "alert" | "confirmation" | "unconfirmed" | "suppressed" | "stopped" | "limited";

export function replyConfirmUrl(site: Pick<AlertSite, "secret" | "siteUrl">, claims: TokenClaims, now?: Date): string {
  return `${site.siteUrl}/newsletters/replies/confirm?token=${signToken(site.secret, "reply-confirm", claims, now)}`;
}

/** The page with a Stop button (a person's link): a GET never stops anything, scanners follow links. */
export function replyStopPageUrl(site: Pick<AlertSite, "secret" | "siteUrl">, claims: TokenClaims, now?: Date): string {
  return `${site.siteUrl}/newsletters/replies?token=${signToken(site.secret, "reply-stop", claims, now)}`;
}

/** The RFC 8058 List-Unsubscribe URL: a POST there stops reply alerts, a GET shows the page. */
function replyUnsubscribeUrl(site: Pick<AlertSite, "secret" | "siteUrl">, claims: TokenClaims, now?: Date): string {
  return `${site.siteUrl}/newsletters/replies/unsubscribe?token=${signToken(site.secret, "reply-stop", claims, now)}`;
}

/** The server's own site for mail: SITE_URL, the signing secret, the site's name. */
export async function defaultAlertSite(db: Db): Promise<AlertSite> {
  const [row] = await db.select({ siteName: siteSettings.siteName }).from(siteSettings).limit(1);
  return { secret: authSecret(), siteUrl: env().SITE_URL, siteName: row?.siteName ?? "Gazette" };
}

type Candidate = {
  replyId: number;
  parentId: number;
  replierName: string;
  replyText: string;
  email: string;
  article: { section: string; slug: string; title: string };
};

/**
 * The approved replies among `replyIds` whose parent is approved, asked for alerts, and was
 * written by someone else: a reader answering their own comment is not told about it.
 */
async function candidates(db: Db, replyIds: number[]): Promise<Candidate[]> {
  const parent = alias(comments, "parent");
  return selectCommentsWithArticle(db, {
    replyId: comments.id,
    parentId: parent.id,
    replierName: comments.authorName,
    replyText: comments.body,
    email: parent.authorEmail,
  })
    .innerJoin(parent, eq(parent.id, comments.parentId))
    .where(
      and(
        inArray(comments.id, replyIds),
        eq(comments.status, "approved"),
        eq(parent.status, "approved"),
        eq(parent.notifyReplies, true),
        sql`lower(trim(${parent.authorEmail})) <> lower(trim(${comments.authorEmail}))`,
      ),
    );
}

async function decide(db: Db, c: Candidate): Promise<AlertOutcome> {
  const hash = emailHash(c.email);
  // Compared in SQL with the comment's own time: a JavaScript Date would drop its microseconds.
  const postedAt = sql`(select ${comments.createdAt} from ${comments} where ${comments.id} = ${c.parentId})`;
  const [suppressed] = await db
    .select({ reason: suppressions.reason })
    .from(suppressions)
    // An unsubscribe from everything after the comment was posted wins over its opt-in; one from
    // before it does not, since ticking the box again is fresh consent (still to be confirmed).
    .where(and(eq(suppressions.emailHash, hash), sql`(${suppressions.reason} = 'bounced' or ${suppressions.createdAt} >= ${postedAt})`));
  if (suppressed) return "suppressed";
  const [address] = await db
    .select({
      stopped: sql<boolean>`coalesce(${replyAlertAddresses.stoppedAt} >= ${postedAt}, false)`,
      confirmed: sql<boolean>`${replyAlertAddresses.confirmedAt} is not null and (${replyAlertAddresses.stoppedAt} is null or ${replyAlertAddresses.confirmedAt} > ${replyAlertAddresses.stoppedAt})`,
    })
    .from(replyAlertAddresses)
    .where(eq(replyAlertAddresses.emailHash, hash));
  if (address?.stopped) return "stopped";
  if (address?.confirmed) {
    const key = `reply-alert:${hash}`;
    const counts = await countHits(db, [key], 3600);
    return (counts.get(key) ?? 0) > replyAlertLimits.alertsPerHour ? "limited" : "alert";
  }
  // Each opt-in asks once: further replies to the same comment wait for that confirmation.
  const [asked] = await db
    .select({ replyId: replyAlerts.replyId })
    .from(replyAlerts)
    .where(and(eq(replyAlerts.parentId, c.parentId), eq(replyAlerts.outcome, "confirmation")))
    .limit(1);
  if (asked) return "unconfirmed";
  const key = `reply-confirm:${hash}`;
  const counts = await countHits(db, [key], 24 * 3600);
  return (counts.get(key) ?? 0) > replyAlertLimits.confirmationsPerDay ? "unconfirmed" : "confirmation";
}

async function queueMail(db: Db, site: AlertSite, c: Candidate, outcome: "alert" | "confirmation") {
  const claims = { sub: c.parentId, email: c.email.trim().toLowerCase() };
  const stopUrl = replyStopPageUrl(site, claims);
  const headers = unsubscribeHeaders(replyUnsubscribeUrl(site, claims));
  if (outcome === "alert") {
    const replyUrl = `${site.siteUrl}${commentPermalink(c.article, c.replyId)}`;
    const props = { siteName: site.siteName, siteUrl: site.siteUrl, articleTitle: c.article.title, stopUrl, replierName: c.replierName, replyText: c.replyText, replyUrl };
    const subject = `${c.replierName} replied to your comment on ${c.article.title}`;
    await enqueueMail(db, { to: claims.email, subject, text: replyAlertText(props), headers, template: { kind: "reply-alert", props } });
  } else {
    const props = { siteName: site.siteName, siteUrl: site.siteUrl, articleTitle: c.article.title, stopUrl, confirmUrl: replyConfirmUrl(site, claims) };
    const subject = `Confirm reply alerts from ${site.siteName}`;
    await enqueueMail(db, { to: claims.email, subject, text: replyConfirmationText(props), headers, template: { kind: "reply-confirmation", props } });
  }
}

/**
 * Called where replies become approved, inside that transaction. Each reply is considered once
 * ever (reply_alerts' key): approving it again after a rejection, or from two screens at once,
 * sends nothing more. Returns what was done per reply that qualified.
 */
export async function queueReplyAlerts(db: Db, replyIds: number[], site?: AlertSite): Promise<Map<number, AlertOutcome>> {
  const done = new Map<number, AlertOutcome>();
  if (replyIds.length === 0) return done;
  const found = await candidates(db, replyIds);
  if (found.length === 0) return done;
  const mailSite = site ?? (await defaultAlertSite(db));
  for (const c of found) {
    const [claimed] = await db
      .insert(replyAlerts)
      .values({ replyId: c.replyId, parentId: c.parentId, outcome: "pending" })
      .onConflictDoNothing()
      .returning({ replyId: replyAlerts.replyId });
    if (!claimed) continue;
    const outcome = await decide(db, c);
    if (outcome === "alert" || outcome === "confirmation") await queueMail(db, mailSite, c, outcome);
    await db.update(replyAlerts).set({ outcome }).where(eq(replyAlerts.replyId, c.replyId));
    done.set(c.replyId, outcome);
  }
  return done;
}

async function markAddress(db: Db, email: string, field: "confirmedAt" | "stoppedAt") {
  const now = new Date();
  await db
    .insert(replyAlertAddresses)
    .values({ emailHash: emailHash(email), [field]: now, updatedAt: now })
    .onConflictDoUpdate({ target: replyAlertAddresses.emailHash, set: { [field]: now, updatedAt: now } });
}

export type TokenOutcome = { ok: true; email: string } | { ok: false; reason: "invalid" | "expired" };

/** The confirmation page's button: from now on, replies to this address's comments come to it. */
export async function confirmReplyAlerts(db: Db, secret: string, token: string, now = new Date()): Promise<TokenOutcome> {
  const verified = verifyToken(secret, "reply-confirm", token, now);
  if (!verified.ok) return verified;
  await markAddress(db, verified.claims.email, "confirmedAt");
  return { ok: true, email: verified.claims.email };
}

/** The stop page's button, and the RFC 8058 one-click POST: no more reply alerts to this address. */
export async function stopReplyAlerts(db: Db, secret: string, token: string, now = new Date()): Promise<TokenOutcome> {
  const verified = verifyToken(secret, "reply-stop", token, now);
  if (!verified.ok) return verified;
  await markAddress(db, verified.claims.email, "stoppedAt");
  return { ok: true, email: verified.claims.email };
}

/** Whether reply alerts currently reach `email`, for the stop page. */
export async function replyAlertsActive(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ confirmedAt: replyAlertAddresses.confirmedAt, stoppedAt: replyAlertAddresses.stoppedAt })
    .from(replyAlertAddresses)
    .where(eq(replyAlertAddresses.emailHash, emailHash(email)));
  return !!row?.confirmedAt && (!row.stoppedAt || row.confirmedAt > row.stoppedAt);
}
