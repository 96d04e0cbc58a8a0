import type { Metadata } from "next";
import { NewsletterForm, ImportForm } from "@/components/newsroom/newsletter-admin-forms";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { mailer } from "@/lib/mail/config";
import { searchInput } from "@/lib/newsletters/input";
import { listCountHistory, listNewslettersForAdmin, listRecentIssues, searchSubscribers } from "@/lib/newsletters/queries";
import { getSiteSettings } from "@/lib/site/cached";
import styles from "@/components/newsroom/staff.module.css";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import { importSubscribersAction, saveNewsletterAction } from "./actions";

export const metadata: Metadata = { title: "Newsletters" };

const took = (from: Date, to: Date | null) => {
  if (!to) return "sending";
  const s = Math.round((to.getTime() - from.getTime()) / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
};

export default async function NewslettersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("site.admin");
  const search = searchInput.parse(await searchParams);
  const db = await getPrimaryDb();
  const [{ lists, sections }, issues, history, found, settings] = await Promise.all([
    listNewslettersForAdmin(db),
    listRecentIssues(db),
    listCountHistory(db),
    searchSubscribers(db, search),
    getSiteSettings(),
  ]);
  const mail = mailer();
  const days = [...new Set(history.map((h) => h.day))].slice(-14);
  return (
    <>
      <h1>Newsletters</h1>
      <p className={mail.kind === "smtp" ? styles.hint : styles.errorBox} role="note">
        {mail.kind === "smtp"
          ? `Mail is sent through the SMTP relay at ${mail.destination}.`
          : `SMTP_URL is not set: no email leaves this server. Every message is written as an .eml file under ${mail.destination} instead. Set SMTP_URL and MAIL_FROM to send (README, "Newsletters").`}
      </p>

      <section aria-labelledby="lists" className={styles.panel}>
        <h2 id="lists">Lists</h2>
        {lists.map((l) => (
          <details key={l.id}>
            <summary>
              {l.name} ({l.kind === "digest" ? `digest at ${l.sendTime}` : "breaking news"}, {l.enabled ? "on" : "off"}): {l.subscribers.toLocaleString("en-US")} subscribers
            </summary>
            <NewsletterForm
              action={saveNewsletterAction}
              sections={sections}
              timeZone={settings.timeZone}
              submit={`Save ${l.name}`}
              initial={{ id: String(l.id), name: l.name, description: l.description, kind: l.kind, sections: l.sectionIds, sendTime: l.sendTime, enabled: l.enabled }}
            />
          </details>
        ))}
        <h3>Create a list</h3>
        <NewsletterForm
          action={saveNewsletterAction}
          sections={sections}
          timeZone={settings.timeZone}
          submit="Create newsletter"
          initial={{ id: "", name: "", description: "", kind: "digest", sections: [], sendTime: "07:00", enabled: true }}
        />
      </section>

      <section aria-labelledby="issues" className={styles.panel}>
        <h2 id="issues">Issues</h2>
        {issues.length === 0 ? (
          <p>Nothing sent yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Issue</th>
                <th scope="col">List</th>
                <th scope="col">Recipients</th>
                <th scope="col">Sent</th>
                <th scope="col">Failed</th>
                <th scope="col">Waiting</th>
                <th scope="col">Started</th>
                <th scope="col">Took</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={i.id}>
                  <td>{i.subject}</td>
                  <td>{i.list}</td>
                  <td>{i.recipients}</td>
                  <td>{i.deliveries.sent ?? 0}</td>
                  <td>{i.deliveries.failed ?? 0}</td>
                  <td>{(i.deliveries.queued ?? 0) + (i.deliveries.sending ?? 0)}</td>
                  <td>
                    <Timestamp at={i.createdAt} timeZone={settings.timeZone} />
                  </td>
                  <td>{took(i.createdAt, i.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="over-time" className={styles.panel}>
        <h2 id="over-time">Subscribers over time</h2>
        {days.length === 0 ? (
          <p>Counts are recorded every ten minutes while the server runs.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">List</th>
                {days.map((d) => (
                  <th scope="col" key={d}>
                    {d.slice(5)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  {days.map((d) => (
                    <td key={d}>{history.find((h) => h.newsletterId === l.id && h.day === d)?.subscribers ?? "–"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="subscribers" className={styles.panel}>
        <h2 id="subscribers">Subscribers</h2>
        <form method="get" role="search">
          <label htmlFor="subscriber-q">Search addresses</label> <input id="subscriber-q" name="q" type="search" defaultValue={search.q} />{" "}
          <button type="submit">Search</button> <a href="/admin/newsletters/export.csv">Export CSV</a>
        </form>
        <table>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Lists</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {found.rows.map((r) => (
              <tr key={r.id}>
                <td>{r.email}</td>
                <td>{r.status}</td>
                <td>{r.lists.join(", ")}</td>
                <td>
                  <Timestamp at={r.confirmedAt ?? r.createdAt} timeZone={settings.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination
          label="Subscriber pages"
          page={search.page}
          hasMore={found.hasMore}
          href={(to) => `/admin/newsletters?q=${encodeURIComponent(search.q)}&page=${to}`}
          previous="Previous"
          next="Next"
        />
        <h3>Import from CSV</h3>
        <ImportForm action={importSubscribersAction} lists={lists.map((l) => ({ id: l.id, name: l.name }))} />
      </section>
    </>
  );
}
