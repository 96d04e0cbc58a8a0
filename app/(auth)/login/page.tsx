import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import styles from "@/components/newsroom/staff.module.css";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ next?: string | string[] }> };

export default async function LoginPage({ searchParams }: Props) {
  const staff = await currentStaff();
  if (staff) redirect(homeFor(staff.role));
  const next = (await searchParams).next;
  return (
    <main className={styles.loginPage}>
      <h1>Sign in to the newsroom</h1>
      <LoginForm next={typeof next === "string" ? next.slice(0, 500) : ""} />
    </main>
  );
}
