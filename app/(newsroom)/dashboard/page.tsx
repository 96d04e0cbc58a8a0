import type { Metadata } from "next";
import Link from "next/link";
import { DailyStackedChart, ShareBars, Sparkline, tileStyles as styles } from "@/components/newsroom/readership-charts";
import staffStyles from "@/components/newsroom/staff.module.css";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import {
  getBreakdown,
  getModerationFigures,
  getReadTotals,
  listDailyReadsBySection,
  listOwnArticleIds,
  listPublishedPerDay,
  listTopArticles,
} from "@/lib/readership/cached";
import { referrerClasses, referrerLabels } from "@/lib/readership/classify";
import type { TopArticle } from "@/lib/readership/queries";
import { getSiteSettings } from "@/lib/site/cached";

export const metadata: Metadata = { title: "Dashboard" };

const number = new Intl.NumberFormat("en-US");

/** "up 12%", "down 3%", "no change" against the figure it is compared with. */
function against(now: number, before: number) {
  if (before === 0) return now === 0 ? "no change" : "up from none";
  const change = Math.round(((now - before) / before) * 100);
  return change === 0 ? "no change" : change > 0 ? `up ${change}%` : `down ${-change}%`;
}

function TopList({ id, title, rows }: { id: string; title: string; rows: TopArticle[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>No reads yet.</p>
      ) : (
        <table className={staffStyles.table}>
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Reads</th>
              <th scope="col">By hour, last 24 hours</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/${r.sectionSlug}/${r.slug}`}>{r.title}</Link> · <Link href={`/editor/articles/${r.id}`}>edit</Link>
                </td>
                <td>{number.format(r.views)}</td>
                <td>
                  <Sparkline values={r.hourly} label={`Reads of ${r.title} by hour`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The newsroom's landing page: reads now and today, what is read, where readers come from,
 * and how the comments and the moderators are doing. Editors and admins see everything,
 * writers the figures of their own articles, moderators the moderation part.
 */
export default async function DashboardPage() {
  const staff = await requireStaff();
  const { timeZone } = await getSiteSettings();
  const seesAllReads = can(staff.role, "article.edit-any");
  const seesReads = can(staff.role, "article.write");
  const seesModeration = can(staff.role, "comment.moderate");
  const scope = seesAllReads ? undefined : seesReads ? await listOwnArticleIds(staff.id) : undefined;

  const [totals, topHour, topDay, daily, breakdown, moderation, published] = await Promise.all([
    seesReads ? getReadTotals(timeZone, scope) : null,
    seesReads ? listTopArticles(1, scope) : null,
    seesReads ? listTopArticles(24, scope) : null,
    seesReads ? listDailyReadsBySection(timeZone, scope) : null,
    seesReads ? getBreakdown(scope) : null,
    seesModeration ? getModerationFigures(timeZone) : null,
    seesAllReads ? listPublishedPerDay(timeZone) : null,
  ]);

  return (
    <>
      <h1>Dashboard</h1>
      {totals && (
        <section aria-labelledby="reads-heading">
          <h2 id="reads-heading">{seesAllReads ? "Reads" : "Reads of your articles"}</h2>
          <ul className={styles.tiles}>
            <li className={styles.tile}>
              {seesAllReads ? "This hour, all pages" : "This hour"} <strong data-testid="reads-last-hour">{number.format(totals.lastHour)}</strong>
              {number.format(totals.sameHourYesterday)} in the same hour yesterday: {against(totals.lastHour, totals.sameHourYesterday)}
            </li>
            <li className={styles.tile}>
              {seesAllReads ? "Today, all pages" : "Today"} <strong data-testid="reads-today">{number.format(totals.today)}</strong>
              {number.format(totals.sameTimeYesterday)} yesterday by this time: {against(totals.today, totals.sameTimeYesterday)}
            </li>
          </ul>
        </section>
      )}
      {topHour && topDay && (
        <div className={styles.columns}>
          <TopList id="top-hour" title="Top articles, last hour" rows={topHour} />
          <TopList id="top-day" title="Top articles, last 24 hours" rows={topDay} />
        </div>
      )}
      {daily && <DailyStackedChart id="reads-by-section" title="Reads per day by section, last 30 days" data={daily} unit="reads" />}
      {breakdown && (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Where readers came from, last 7 days</h2>
          <div className={styles.columns}>
            <ShareBars id="referrers" title="Referrers" rows={referrerClasses.map((c) => ({ label: referrerLabels[c], value: breakdown.referrers[c] ?? 0 }))} />
            <ShareBars
              id="devices"
              title="Devices"
              rows={[
                { label: "Mobile", value: breakdown.devices.mobile },
                { label: "Desktop", value: breakdown.devices.desktop },
              ]}
            />
          </div>
        </section>
      )}
      {moderation && (
        <section aria-labelledby="moderation-heading">
          <h2 id="moderation-heading">Comments and moderation, last 30 days</h2>
          <ul className={styles.tiles}>
            <li className={styles.tile}>
              Waiting for a moderator <strong>{number.format(moderation.backlog)}</strong>
              <Link href="/moderation">Open the queue</Link>
            </li>
            <li className={styles.tile}>
              Median time to a decision
              <strong>{moderation.medianDecisionMinutes === null ? "—" : formatMinutes(moderation.medianDecisionMinutes)}</strong>
              over {number.format(moderation.decided)} comments decided by a moderator
            </li>
            <li className={styles.tile}>
              Caught as spam <strong>{moderation.spamShare === null ? "—" : `${Math.round(moderation.spamShare * 100)}%`}</strong>
              of comments posted
            </li>
          </ul>
          <DailyStackedChart id="comments-per-day" title="Comments per day, last 30 days" data={moderation.commentsPerDay} unit="comments" />
        </section>
      )}
      {published && <DailyStackedChart id="published-per-day" title="Articles published per day by section, last 30 days" data={published} unit="articles" />}
    </>
  );
}

function formatMinutes(minutes: number) {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} days`;
}
