import type { Metadata } from "next";
import Link from "next/link";
import { PageForm } from "@/components/newsroom/page-form";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listPages } from "@/lib/pages/queries";
import styles from "@/components/newsroom/staff.module.css";
import { StaffForm } from "@/components/newsroom/staff-form";
import { can } from "@/lib/auth/permissions";
import { footerPagesValue } from "@/lib/pages/actions";
import { saveFooterPagesAction, savePageAction } from "./actions";

export const metadata: Metadata = { title: "Pages" };

export default async function PagesPage() {
  const staff = await requirePermission("page.manage");
  const db = await getPrimaryDb();
  const [rows, footer] = await Promise.all([listPages(db), footerPagesValue(db)]);
  const parents = rows.filter((p) => p.parentId === null);
  return (
    <>
      <h1>Pages</h1>
      {rows.length === 0 ? (
        <p>No pages yet.</p>
      ) : (
        <ul>
          {rows.map((p) => (
            <li key={p.id}>
              <Link href={`/editor/pages/${p.id}`}>{p.title}</Link> — {p.parentSlug ? `/${p.parentSlug}/${p.slug}` : `/${p.slug}`} ({p.status === "published" ? "Published" : "Draft"})
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="new-page" className={styles.panel}>
        <h2 id="new-page">New page</h2>
        <PageForm action={savePageAction} initial={{ title: "", slug: "", parentId: "", body: "", status: "draft" }} parents={parents} />
      </section>
      {can(staff.role, "site.admin") && (
        <section aria-labelledby="footer-pages" className={styles.panel}>
          <h2 id="footer-pages">Footer</h2>
          <StaffForm
            action={saveFooterPagesAction}
            submit="Save footer pages"
            fields={[{ name: "footerPages", label: "Footer pages", defaultValue: footer, hint: "Addresses of published pages, in order, separated by commas: /about, /about/team" }]}
          />
        </section>
      )}
    </>
  );
}
