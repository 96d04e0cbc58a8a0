import type { Metadata } from "next";
import { StaffForm } from "@/components/newsroom/staff-form";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listRedirects } from "@/lib/redirects/queries";
import styles from "@/components/newsroom/staff.module.css";
import { Pagination } from "@/components/ui/pagination";
import { addRedirectAction, deleteRedirectAction } from "./actions";

export const metadata: Metadata = { title: "Redirects" };

const perPage = 200;

export default async function RedirectsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePermission("site.admin");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const rows = await listRedirects(await getPrimaryDb(), { limit: perPage + 1, offset: (page - 1) * perPage });
  return (
    <>
      <h1>Redirects</h1>
      <p>Old addresses answered with a permanent redirect (301) to their new ones. The WordPress import adds its own; you can add and delete any.</p>
      <section aria-labelledby="add-redirect" className={styles.panel}>
        <h2 id="add-redirect">Add a redirect</h2>
        <StaffForm
          action={addRedirectAction}
          submit="Add redirect"
          fields={[
            { name: "fromPath", label: "Old address", required: true, hint: "A path such as /2019/05/old-story/ or /?p=123" },
            { name: "toPath", label: "New address", required: true, hint: "A path on this site, such as /world/new-story" },
          ]}
        />
      </section>
      {rows.length === 0 ? (
        <p>No redirects yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Redirects</caption>
          <thead>
            <tr>
              <th scope="col">Old address</th>
              <th scope="col">New address</th>
              <th scope="col">From</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, perPage).map((r) => (
              <tr key={r.id}>
                <td>{r.fromPath}</td>
                <td>{r.toPath}</td>
                <td>{r.source === "wordpress" ? "WordPress import" : "Added by hand"}</td>
                <td>
                  <StaffForm inline danger action={deleteRedirectAction} hidden={{ redirectId: String(r.id) }} submit={`Delete redirect from ${r.fromPath}`} fields={[]} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={page} hasMore={rows.length > perPage} href={(to) => `/admin/redirects?page=${to}`} previous="Newer" next="Older" />
    </>
  );
}
