import type { Metadata } from "next";
import { StaffForm } from "@/components/newsroom/staff-form";
import { getPrimaryDb } from "@/db/client";
import { roles } from "@/db/schema";
import { listUsers } from "@/lib/admin/queries";
import { requirePermission } from "@/lib/auth/session";
import styles from "@/components/newsroom/staff.module.css";
import { createUserAction, setActiveAction, setRoleAction, signOutEverywhereAction } from "../actions";

export const metadata: Metadata = { title: "Users" };

const roleOptions = roles.map((r) => ({ value: r, label: r }));

export default async function UsersPage() {
  await requirePermission("site.admin");
  const rows = await listUsers(await getPrimaryDb());
  return (
    <>
      <h1>Users</h1>
      <section aria-labelledby="create-user" className={styles.panel}>
        <h2 id="create-user">Create a user</h2>
        <StaffForm
          action={createUserAction}
          submit="Create user"
          fields={[
            { name: "email", label: "Email", type: "email", required: true, maxLength: 254 },
            { name: "name", label: "Name", required: true, maxLength: 120 },
            { name: "role", label: "Role", type: "select", options: roleOptions, defaultValue: "writer" },
          ]}
        />
      </section>
      <table className={styles.table}>
        <caption className="visually-hidden">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Account</span>
            </th>
            <th scope="col">
              <span className="visually-hidden">Sessions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.active ? "active" : "deactivated"}</td>
              <td>
                <StaffForm
                  inline
                  action={setRoleAction}
                  hidden={{ userId: String(u.id) }}
                  submit="Save role"
                  fields={[{ name: "role", label: `Role of ${u.email}`, type: "select", options: roleOptions, defaultValue: u.role }]}
                />
              </td>
              <td>
                <StaffForm
                  inline
                  danger={u.active}
                  action={setActiveAction}
                  hidden={{ userId: String(u.id), active: u.active ? "false" : "true" }}
                  submit={u.active ? "Deactivate" : "Reactivate"}
                  fields={[]}
                />
              </td>
              <td>
                <StaffForm
                  inline
                  action={signOutEverywhereAction}
                  hidden={{ userId: String(u.id) }}
                  submit="Sign out everywhere"
                  fields={[]}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
