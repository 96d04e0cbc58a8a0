import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { SignOutForm } from "@/components/newsroom/sign-out-form";
import styles from "@/components/newsroom/staff.module.css";

export const metadata: Metadata = { title: { template: "%s | Newsroom", default: "Newsroom" }, robots: { index: false } };

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  // Any signed-in staff member may see the frame; each page and action checks its own permission.
  const staff = await requireStaff();
  const links = [
    { href: "/dashboard", label: "Dashboard", show: true },
    { href: "/editor", label: "Articles", show: can(staff.role, "article.write") },
    { href: "/editor/pages", label: "Pages", show: can(staff.role, "page.manage") },
    { href: "/moderation", label: "Moderation", show: can(staff.role, "comment.moderate") },
    { href: "/admin/sections", label: "Sections", show: can(staff.role, "site.admin") },
    { href: "/admin/users", label: "Users", show: can(staff.role, "site.admin") },
    { href: "/admin/social", label: "Social accounts", show: can(staff.role, "site.admin") },
    { href: "/admin/newsletters", label: "Newsletters", show: can(staff.role, "site.admin") },
    { href: "/admin/settings", label: "Settings", show: can(staff.role, "site.admin") },
    { href: "/admin/audit", label: "Audit log", show: can(staff.role, "site.admin") },
    { href: "/admin/redirects", label: "Redirects", show: can(staff.role, "site.admin") },
    { href: "/admin/import", label: "Import", show: can(staff.role, "site.admin") },
  ];
  return (
    <div className={styles.shell}>
      <a href="#staff-main" className="skip-link">
        Skip to content
      </a>
      <header className={styles.topbar}>
        <Link href="/" className={styles.brand}>
          Gazette
        </Link>
        <nav aria-label="Newsroom">
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.href}>
                  <Link href={l.href}>{l.label}</Link>
                </li>
              ))}
          </ul>
        </nav>
        <div className={styles.who}>
          <span>
            {staff.name} ({staff.role})
          </span>
          <SignOutForm />
        </div>
      </header>
      <main id="staff-main" className={styles.content}>
        {children}
      </main>
    </div>
  );
}
