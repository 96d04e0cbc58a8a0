import type { Metadata } from "next";
import { StaffForm } from "@/components/newsroom/staff-form";
import { getPrimaryDb } from "@/db/client";
import { listSectionRows } from "@/lib/admin/queries";
import { requirePermission } from "@/lib/auth/session";
import styles from "@/components/newsroom/staff.module.css";
import { createSectionAction, moveSectionAction, updateSectionAction } from "../actions";

export const metadata: Metadata = { title: "Sections" };

export default async function SectionsPage() {
  await requirePermission("site.admin");
  const rows = await listSectionRows(await getPrimaryDb());
  return (
    <>
      <h1>Sections</h1>
      <section aria-labelledby="create-section" className={styles.panel}>
        <h2 id="create-section">Create a section</h2>
        <StaffForm
          action={createSectionAction}
          submit="Create section"
          fields={[
            { name: "name", label: "Name", required: true, maxLength: 60 },
            { name: "slug", label: "Slug", maxLength: 60, hint: "Optional: made from the name. It becomes the section's address, /slug." },
            { name: "description", label: "Description", type: "textarea", maxLength: 300 },
          ]}
        />
      </section>
      <ol>
        {rows.map((s, i) => (
          <li key={s.id} className={styles.panel}>
            <h2>{s.name}</h2>
            <StaffForm
              action={updateSectionAction}
              hidden={{ sectionId: String(s.id) }}
              submit={`Save ${s.name}`}
              fields={[
                { name: "name", label: "Name", defaultValue: s.name, maxLength: 60 },
                { name: "slug", label: "Slug", defaultValue: s.slug, maxLength: 60 },
                { name: "description", label: "Description", type: "textarea", defaultValue: s.description, maxLength: 300 },
              ]}
            />
            <div className={styles.actions}>
              {i > 0 && <StaffForm inline action={moveSectionAction} hidden={{ sectionId: String(s.id), direction: "up" }} submit={`Move ${s.name} up`} fields={[]} />}
              {i < rows.length - 1 && (
                <StaffForm inline action={moveSectionAction} hidden={{ sectionId: String(s.id), direction: "down" }} submit={`Move ${s.name} down`} fields={[]} />
              )}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
