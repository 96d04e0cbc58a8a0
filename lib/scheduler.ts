import { getPrimaryDb, inBackground } from "@/db/client";
import { renderStaleBodiesInBackground } from "@/lib/articles/body";
import { publishDueArticles } from "@/lib/articles/jobs";
import { expireFromBackground } from "@/lib/cache/expire";
import { env } from "@/lib/env";
import { retrainIfDue } from "@/lib/comments/classifier/jobs";
import { pruneExpiredRateLimits } from "@/lib/rate-limits";
import { pruneEndedSessions } from "@/lib/auth/queries";
import { mostReadChanged, pruneOldReads } from "@/lib/readership/jobs";
import { tags } from "@/lib/cache-tags";
import { providerConfig, refreshIntervalMs } from "@/lib/social/config";
import { refreshSocialCounts } from "@/lib/social/jobs";

const intervalMs = 10_000;

const pruneEveryMs = 10 * 60 * 1000;
let prunedAt = 0;
// Most Read and home's Most read follow reads every few minutes, and only when they moved.
let mostReadAt = 0;

/**
 * One pass: publish what is due and expire the pages it appears on; then render a batch of
 * article bodies stored by an older Markdown renderer (pages render those on read meanwhile,
 * with the same result, so no page needs expiring); every ten minutes, delete rate-limit
 * counters long expired, ended sessions and read counts past READERSHIP_RETAIN_DAYS.
 */
export async function runSchedulerOnce() {
  const published = await inBackground(async () => publishDueArticles(await getPrimaryDb()));
  if (published.length > 0) {
    await expireFromBackground(published.flatMap((p) => p.tags));
    console.log(`Scheduler published ${published.length} article(s): ${published.map((p) => p.id).join(", ")}`);
  }
  await inBackground(async () => renderStaleBodiesInBackground(await getPrimaryDb()));
  // The spam classifier learns from moderators' decisions once enough have come in.
  await inBackground(async () => retrainIfDue(await getPrimaryDb()));
  if (Date.now() - prunedAt > pruneEveryMs) {
    prunedAt = Date.now();
    await inBackground(async () => pruneExpiredRateLimits(await getPrimaryDb()));
    await inBackground(async () => pruneEndedSessions(await getPrimaryDb()));
    await inBackground(async () => pruneOldReads(await getPrimaryDb(), env().READERSHIP_RETAIN_DAYS));
  }
  if (Date.now() - mostReadAt > env().MOST_READ_REFRESH_MINUTES * 60_000) {
    mostReadAt = Date.now();
    if (await inBackground(async () => mostReadChanged(await getPrimaryDb()))) await expireFromBackground([tags.mostRead]);
  }
  return published.length;
}

/**
 * Publishes scheduled articles on time with nobody visiting. Every instance runs it; the
 * row locks in publishDueArticles make sure each article is published once.
 */
export function startScheduler() {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runSchedulerOnce();
    } catch (error) {
      console.error("Scheduler pass failed:", error);
    } finally {
      running = false;
    }
  };
  // Jitter spreads the instances' passes out.
  const timer = setInterval(tick, intervalMs + Math.floor(Math.random() * 2000));
  timer.unref();
  setTimeout(tick, 2000).unref();
}

/**
 * Refreshes the Stay Connected counts from the networks' APIs, in the background, never during
 * a reader's request. Each instance ticks; the advisory lock in refreshSocialCounts lets one
 * of them do the work. The widget's cache is expired only when a number changed.
 */
export function startSocialRefresh() {
  const interval = refreshIntervalMs();
  const tick = async () => {
    try {
      const report = await inBackground(async () => refreshSocialCounts(await getPrimaryDb(), providerConfig()));
      if (report.changed > 0) await expireFromBackground([tags.social]);
    } catch (error) {
      console.error("Social count refresh failed:", error);
    }
    // Jitter of ±10% keeps instances (and the networks' rate limits) from being hit in step.
    setTimeout(tick, interval * (0.9 + Math.random() * 0.2)).unref();
  };
  setTimeout(tick, 30_000 + Math.random() * 30_000).unref();
}
