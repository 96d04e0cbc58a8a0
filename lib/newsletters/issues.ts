import { and, asc, desc, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { articles, breakingRequests, newsletters, sections, siteSettings, type Newsletter } from "@/db/schema";
import { renderIssue, type EmailArticle } from "./email";
import { createIssue } from "./queue";
import { dueDigestDay } from "./schedule";

// Turning news into issues: a digest per list and local day when there is something new, a
// breaking alert per list and article an editor flagged. Each issue is made once whichever
// instance gets there first (its dedupe key), and rendered once for all its recipients.

const digestLimit = 20;
/** a digest list's first issue looks back this far */
const firstDigestLookbackMs = 24 * 3600 * 1000;

type Site = { siteName: string; timeZone: string; siteUrl: string };

export async function siteForMail(db: Db, siteUrl: string): Promise<Site> {
  const [row] = await db.select({ siteName: siteSettings.siteName, timeZone: siteSettings.timeZone }).from(siteSettings).limit(1);
  return { siteName: row?.siteName ?? "Gazette", timeZone: row?.timeZone ?? "UTC", siteUrl };
}

const absolute = (siteUrl: string, url: string | null) => (url ? (/^https?:\/\//.test(url) ? url : `${siteUrl}${url.startsWith("/") ? "" : "/"}${url}`) : null);

async function emailArticles(db: Db, site: Site, where: ReturnType<typeof and>, limit: number) {
  const rows = await db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      standfirst: articles.standfirst,
      publishedAt: articles.publishedAt,
      heroImageUrl: articles.heroImageUrl,
      heroImageAlt: articles.heroImageAlt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    publishedAt: r.publishedAt!,
    email: {
      title: r.title,
      standfirst: r.standfirst,
      url: `${site.siteUrl}/${r.sectionSlug}/${r.slug}`,
      section: r.sectionName,
      imageUrl: absolute(site.siteUrl, r.heroImageUrl),
      imageAlt: r.heroImageAlt ?? "",
    } satisfies EmailArticle,
  }));
}

/**
 * The digest of `list` for local `day`, if it has news: articles published since its last
 * digest, in its sections. Either way the day is marked done, so a day without news is passed
 * over rather than sent late. Runs with the list's row locked: one instance decides per day.
 */
async function digestFor(db: Db, site: Site, listId: number, now: Date) {
  return db.transaction(async (tx) => {
    const [list] = await tx.select().from(newsletters).where(eq(newsletters.id, listId)).for("update", { skipLocked: true });
    if (!list || !list.enabled || list.kind !== "digest") return null;
    const day = dueDigestDay(now, site.timeZone, list.sendTime, list.digestDay);
    if (!day) return null;
    const since = list.digestCursor ?? new Date(now.getTime() - firstDigestLookbackMs);
    const found = await emailArticles(
      tx,
      site,
      and(
        eq(articles.status, "published"),
        gt(articles.publishedAt, since),
        lte(articles.publishedAt, now),
        list.sectionIds.length > 0 ? inArray(articles.sectionId, list.sectionIds) : undefined,
      ),
      digestLimit,
    );
    if (found.length === 0) {
      await tx.update(newsletters).set({ digestDay: day }).where(eq(newsletters.id, list.id));
      return null;
    }
    const { html, text } = await renderIssue({ siteName: site.siteName, siteUrl: site.siteUrl, newsletterName: list.name, intro: `${list.name}: ${day}`, articles: found.map((f) => f.email) });
    const made = await createIssue(tx, {
      newsletterId: list.id,
      dedupeKey: `digest:${list.id}:${day}`,
      subject: `${list.name}: ${found[0]!.email.title}${found.length > 1 ? ` and ${found.length - 1} more` : ""}`,
      html,
      text,
      articleIds: found.map((f) => f.id),
    });
    const newest = found.reduce((a, b) => (a.publishedAt > b.publishedAt ? a : b)).publishedAt;
    await tx.update(newsletters).set({ digestDay: day, digestCursor: newest }).where(eq(newsletters.id, list.id));
    return made;
  });
}

/** Makes every digest that is due at `now`; returns the issues made. */
export async function queueDueDigests(db: Db, siteUrl: string, now = new Date()) {
  const site = await siteForMail(db, siteUrl);
  const lists = await db.select({ id: newsletters.id }).from(newsletters).where(and(eq(newsletters.kind, "digest"), eq(newsletters.enabled, true)));
  const made = [];
  for (const list of lists) {
    const issue = await digestFor(db, site, list.id, now);
    if (issue) made.push(issue);
  }
  return made;
}

/** Asks for a breaking alert when the article is (or, once scheduled, becomes) live. */
export async function requestBreakingAlert(db: Db, articleId: number, requestedBy: number | null) {
  await db.insert(breakingRequests).values({ articleId, requestedBy }).onConflictDoNothing();
}

/** Makes an alert on every breaking list for each flagged article now live; returns them. */
export async function queueBreakingAlerts(db: Db, siteUrl: string, now = new Date()) {
  const site = await siteForMail(db, siteUrl);
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ articleId: breakingRequests.articleId })
      .from(breakingRequests)
      .innerJoin(articles, eq(articles.id, breakingRequests.articleId))
      .where(and(isNull(breakingRequests.handledAt), eq(articles.status, "published"), lte(articles.publishedAt, now)))
      .orderBy(asc(breakingRequests.createdAt))
      .limit(20)
      .for("update", { of: breakingRequests, skipLocked: true });
    if (due.length === 0) return [];
    const lists: Newsletter[] = await tx.select().from(newsletters).where(and(eq(newsletters.kind, "breaking"), eq(newsletters.enabled, true)));
    const made = [];
    for (const { articleId } of due) {
      const [article] = await emailArticles(tx, site, and(eq(articles.id, articleId)), 1);
      for (const list of article ? lists : []) {
        const { html, text } = await renderIssue({ siteName: site.siteName, siteUrl: site.siteUrl, newsletterName: list.name, intro: "Breaking news", articles: [article!.email] });
        const issue = await createIssue(tx, { newsletterId: list.id, dedupeKey: `breaking:${list.id}:${articleId}`, subject: `Breaking: ${article!.email.title}`, html, text, articleIds: [articleId] });
        if (issue) made.push(issue);
      }
      await tx.update(breakingRequests).set({ handledAt: sql`now()` }).where(eq(breakingRequests.articleId, articleId));
    }
    return made;
  });
}
