import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { consents, newsletters, rateLimits, subscribers, subscriptions, suppressions } from "@/db/schema";
import { unsubscribeHeaders } from "@/lib/mail/headers";
import { enqueueMail } from "@/lib/mail/queue";
import { verifyToken } from "@/lib/mail/tokens";
import { renderConfirmation } from "./email";
import { confirmUrl, emailHash, unsubscribeUrl, type LinkContext } from "./links";
import type { SubscribeInput } from "./input";

// Double opt-in: a signup only stores a pending address and queues a confirmation; lists are
// joined, and consent recorded, when the link in that email is followed. Whatever happened
// (new, already subscribed, limited, suppressed), the form answers the same, so it cannot be
// used to learn who reads the site.

export const limits = {
  /** confirmation emails one address can be sent in an hour */
  perAddress: 3,
  /** signup requests one client address can make in an hour */
  perClient: 20,
  windowSeconds: 3600,
  /** one confirmation per address and choice of lists in this long: a retried import or a
   * second click on Subscribe does not send another */
  confirmationSeconds: 3600,
};

/** Counts one hit against each key; returns each key's count in its window. */
export async function countHits(db: Db, keys: string[], windowSeconds = limits.windowSeconds): Promise<Map<string, number>> {
  const expire = sql`now() + make_interval(secs => ${windowSeconds})`;
  const rows = rowsOf<{ key: string; points: number }>(
    await db.execute(sql`
      insert into ${rateLimits} (key, points, expire)
      values ${sql.join(keys.map((key) => sql`(${key}, 1, ${expire})`), sql`, `)}
      on conflict (key) do update set
        points = case when ${rateLimits.expire} <= now() then 1 else ${rateLimits.points} + 1 end,
        expire = case when ${rateLimits.expire} <= now() then excluded.expire else ${rateLimits.expire} end
      returning key, points`),
  );
  return new Map(rows.map((r) => [r.key, Number(r.points)]));
}

export type SiteContext = LinkContext & { siteName: string };

export type SubscribeOutcome = { ok: true } | { ok: false; reason: "busy" | "no-lists" };

/** The enabled lists among `ids`, in their order. */
async function enabledLists(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: newsletters.id, name: newsletters.name })
    .from(newsletters)
    .where(and(inArray(newsletters.id, ids), eq(newsletters.enabled, true)))
    .orderBy(newsletters.position, newsletters.id);
}

async function ensureSubscriber(db: Db, email: string): Promise<number> {
  const [inserted] = await db.insert(subscribers).values({ email }).onConflictDoNothing({ target: subscribers.email }).returning({ id: subscribers.id });
  if (inserted) return inserted.id;
  const [row] = await db.select({ id: subscribers.id }).from(subscribers).where(eq(subscribers.email, email));
  return row!.id;
}

/**
 * Queues a confirmation unless this address was sent one for these same lists within
 * `limits.confirmationSeconds` (an atomic count, so two imports at once queue one). Returns
 * whether it queued one.
 */
export async function queueConfirmation(db: Db, site: SiteContext, subscriber: { id: number; email: string }, lists: { id: number; name: string }[], source: string): Promise<boolean> {
  const key = `newsletter-confirmation:${subscriber.id}:${lists.map((l) => l.id).sort((a, b) => a - b).join(",")}`;
  if (((await countHits(db, [key], limits.confirmationSeconds)).get(key) ?? 0) > 1) return false;
  const claims = { sub: subscriber.id, email: subscriber.email, lists: lists.map((l) => l.id), source };
  const link = confirmUrl(site, claims);
  const { html, text } = await renderConfirmation({ siteName: site.siteName, siteUrl: site.siteUrl, confirmUrl: link, lists: lists.map((l) => l.name) });
  await enqueueMail(db, {
    to: subscriber.email,
    subject: `Confirm your subscription to ${site.siteName}`,
    html,
    text,
    headers: unsubscribeHeaders(unsubscribeUrl(site, { sub: subscriber.id, email: subscriber.email })),
  });
  return true;
}

/** A signup form's post: counted, then (unless limited or suppressed) a confirmation queued. */
export async function requestSubscription(db: Db, site: SiteContext, input: SubscribeInput, client: { ipHash: string | null }): Promise<SubscribeOutcome> {
  const lists = await enabledLists(db, input.lists);
  if (lists.length === 0) return { ok: false, reason: "no-lists" };
  const addressKey = `newsletter-email:${emailHash(input.email)}`;
  const clientKey = client.ipHash ? `newsletter-ip:${client.ipHash}` : null;
  const counts = await countHits(db, clientKey ? [addressKey, clientKey] : [addressKey]);
  // Too many from one client says nothing about any address; too many for one address is
  // answered as usual, and quietly not sent.
  if (clientKey && (counts.get(clientKey) ?? 0) > limits.perClient) return { ok: false, reason: "busy" };
  if ((counts.get(addressKey) ?? 0) > limits.perAddress) return { ok: true };
  const [suppressed] = await db.select({ reason: suppressions.reason }).from(suppressions).where(eq(suppressions.emailHash, emailHash(input.email)));
  // An address the relay refuses would only refuse the confirmation too. One that unsubscribed
  // may come back: the confirmation it must follow is fresh consent.
  if (suppressed?.reason === "bounced") return { ok: true };
  const id = await ensureSubscriber(db, input.email);
  await queueConfirmation(db, site, { id, email: input.email }, lists, input.source);
  return { ok: true };
}

export type ConfirmOutcome = { ok: true; email: string; lists: string[] } | { ok: false; reason: "invalid" | "expired" };

/** Follows a confirmation link: the address is confirmed, its lists joined, consent recorded. */
export async function confirmSubscription(db: Db, secret: string, token: string, now = new Date()): Promise<ConfirmOutcome> {
  const verified = verifyToken(secret, "confirm", token, now);
  if (!verified.ok) return verified;
  const { email, lists: asked = [], source = "home" } = verified.claims;
  const lists = await enabledLists(db, asked);
  await db.transaction(async (tx) => {
    const id = await ensureSubscriber(tx, email);
    await tx
      .update(subscribers)
      .set({ status: "confirmed", confirmedAt: sql`coalesce(${subscribers.confirmedAt}, now())`, hardFailures: 0 })
      .where(eq(subscribers.id, id));
    if (lists.length > 0) {
      await tx.insert(subscriptions).values(lists.map((l) => ({ subscriberId: id, newsletterId: l.id }))).onConflictDoNothing();
    }
    await tx.insert(consents).values({ subscriberId: id, method: "double-opt-in", source, newsletterIds: lists.map((l) => l.id) });
    await tx.delete(suppressions).where(eq(suppressions.emailHash, emailHash(email)));
  });
  return { ok: true, email, lists: lists.map((l) => l.name) };
}

/**
 * Removes an address and keeps only a suppression entry (a hash), so nothing is sent to it
 * again and nothing else about the person is kept. Returns whether there was anyone to remove.
 */
export async function suppress(db: Db, email: string, reason: "unsubscribed" | "bounced"): Promise<boolean> {
  const address = email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const removed = await tx.delete(subscribers).where(eq(subscribers.email, address)).returning({ id: subscribers.id });
    await tx.insert(suppressions).values({ emailHash: emailHash(address), reason }).onConflictDoUpdate({ target: suppressions.emailHash, set: { reason, createdAt: new Date() } });
    return removed.length > 0;
  });
}

export type ManageView = { email: string; lists: { id: number; name: string; description: string; subscribed: boolean }[] };

export async function getManageView(db: Db, email: string): Promise<ManageView | null> {
  const [subscriber] = await db.select().from(subscribers).where(and(eq(subscribers.email, email), eq(subscribers.status, "confirmed")));
  if (!subscriber) return null;
  const [all, mine] = await Promise.all([
    db.select({ id: newsletters.id, name: newsletters.name, description: newsletters.description }).from(newsletters).where(eq(newsletters.enabled, true)).orderBy(newsletters.position, newsletters.id),
    db.select({ id: subscriptions.newsletterId }).from(subscriptions).where(eq(subscriptions.subscriberId, subscriber.id)),
  ]);
  const subscribed = new Set(mine.map((m) => m.id));
  return { email, lists: all.map((l) => ({ ...l, subscribed: subscribed.has(l.id) })) };
}

/**
 * The manage page's save: exactly these lists from now on. None at all is leaving, which
 * keeps only the suppression entry. Lists added here are consented to from the manage page,
 * whose link only the address's owner has.
 */
export async function setSubscriptions(db: Db, email: string, ids: number[]): Promise<"saved" | "unsubscribed" | "unknown"> {
  const lists = await enabledLists(db, ids);
  if (lists.length === 0) return (await suppress(db, email, "unsubscribed")) ? "unsubscribed" : "unknown";
  return db.transaction(async (tx) => {
    const [subscriber] = await tx.select({ id: subscribers.id }).from(subscribers).where(and(eq(subscribers.email, email), eq(subscribers.status, "confirmed"))).for("update");
    if (!subscriber) return "unknown" as const;
    const current = new Set((await tx.select({ id: subscriptions.newsletterId }).from(subscriptions).where(eq(subscriptions.subscriberId, subscriber.id))).map((r) => r.id));
    const wanted = new Set(lists.map((l) => l.id));
    const added = [...wanted].filter((id) => !current.has(id));
    const removed = [...current].filter((id) => !wanted.has(id));
    if (removed.length > 0) {
      await tx.delete(subscriptions).where(and(eq(subscriptions.subscriberId, subscriber.id), inArray(subscriptions.newsletterId, removed)));
    }
    if (added.length > 0) {
      await tx.insert(subscriptions).values(added.map((newsletterId) => ({ subscriberId: subscriber.id, newsletterId }))).onConflictDoNothing();
      await tx.insert(consents).values({ subscriberId: subscriber.id, method: "double-opt-in", source: "manage", newsletterIds: added });
    }
    return "saved" as const;
  });
}

/** RFC 8058 one-click: the POST to an email's List-Unsubscribe URL. */
export async function unsubscribeWithToken(db: Db, secret: string, token: string, now = new Date()): Promise<"unsubscribed" | "invalid" | "expired"> {
  const verified = verifyToken(secret, "unsubscribe", token, now);
  if (!verified.ok) return verified.reason;
  await suppress(db, verified.claims.email, "unsubscribed");
  return "unsubscribed";
}
