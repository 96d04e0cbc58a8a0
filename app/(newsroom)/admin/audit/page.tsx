import type { Metadata } from "next";
import { getPrimaryDb } from "@/db/client";
import { listAuditEntries } from "@/lib/admin/queries";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/site/cached";
import styles from "@/components/newsroom/staff.module.css";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Audit log" };

const pageSize = 50;

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission("site.admin");
  const raw = Number((await searchParams).page);
  const page = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
  const [{ entries, total }, { timeZone }] = await Promise.all([
    listAuditEntries(await getPrimaryDb(), { limit: pageSize, offset: (page - 1) * pageSize }),
    getSiteSettings(),
  ]);
  return (
    <>
      <h1>Audit log</h1>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <Timestamp at={entry.createdAt} timeZone={timeZone} seconds />
              </td>
              <td>{entry.actorEmail ?? "system"}</td>
              <td>{entry.action}</td>
              <td>{entry.targetType ? `${entry.targetType} ${entry.targetId}` : ""}</td>
              <td>
                <code>{JSON.stringify(entry.details).slice(0, 300)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pages={Math.ceil(total / pageSize)} href={(to) => `/admin/audit?page=${to}`} previous="Newer entries" next="Older entries" />
    </>
  );
}
