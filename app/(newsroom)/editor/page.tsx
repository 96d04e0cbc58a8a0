import type { Metadata } from "next";
import Link from "next/link";
import { articleStatuses } from "@/db/schema";
import { getPrimaryDb } from "@/db/client";
import { editorPageSize, parseEditorFilters } from "@/lib/articles/input";
import { listEditorArticles, listEditorOptions } from "@/lib/articles/queries";
import { requirePermission } from "@/lib/auth/session";
import { getRecentReads } from "@/lib/readership/cached";
import { getSiteSettings } from "@/lib/site/cached";
import styles from "@/components/newsroom/staff.module.css";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";

export const metadata: Metadata = { title: "Articles" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditorPage({ searchParams }: Props) {
  const staff = await requirePermission("article.write");
  const params = await searchParams;
  const filters = parseEditorFilters(params);
  const db = await getPrimaryDb();
  const [{ rows, total }, options, { timeZone }] = await Promise.all([listEditorArticles(db, staff, filters), listEditorOptions(db), getSiteSettings()]);
  const reads = await getRecentReads(rows.map((r) => r.id));
  const pages = Math.max(1, Math.ceil(total / editorPageSize));
  const pageHref = (page: number) => {
    const q = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" && k !== "page" ? [[k, v]] : [])));
    q.set("page", String(page));
    return `/editor?${q}`;
  };
  return (
    <>
      <div className={styles.actions}>
        <h1 style={{ marginRight: "auto" }}>Articles</h1>
        <Link href="/editor/articles/new" className={styles.primary}>
          New article
        </Link>
      </div>
      <form method="get" className={styles.filters} role="search" aria-label="Filter articles">
        <div className={styles.field}>
          <label htmlFor="filter-q">Title</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} />
        </div>
        <div className={styles.field}>
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any</option>
            {articleStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="filter-section">Section</label>
          <select id="filter-section" name="section" defaultValue={filters.section ?? ""}>
            <option value="">Any</option>
            {options.sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.field}>
          <label htmlFor="filter-author">Author</label>
          <select id="filter-author" name="author" defaultValue={filters.author ?? ""}>
            <option value="">Any</option>
            {options.authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={styles.secondary}>
          Filter
        </button>
      </form>
      <p>{total === 1 ? "1 article" : `${total} articles`}</p>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Author</th>
            <th scope="col">Last change</th>
            <th scope="col">Reads (7 days)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/editor/articles/${row.id}`}>{row.title}</Link>
              </td>
              <td>
                <span className={styles.status}>{row.status}</span>
              </td>
              <td>{row.section}</td>
              <td>{row.author}</td>
              <td>
                <Timestamp at={row.updatedAt} timeZone={timeZone} />
              </td>
              <td>{(reads.get(row.id) ?? 0).toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={Math.min(filters.page, pages)} pages={pages} href={pageHref} />
    </>
  );
}
