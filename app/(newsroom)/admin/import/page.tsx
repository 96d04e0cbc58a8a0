import type { Metadata } from "next";
import { ImportForm } from "@/components/newsroom/import-form";
import { requirePermission } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  await requirePermission("site.admin");
  return (
    <>
      <h1>Import from WordPress</h1>
      <p>
        Brings posts, pages, authors (as bylines), categories, tags, featured images and comments across, and redirects every old address to its new one.
        Importing the same export again changes nothing; a newer export updates what changed.
      </p>
      <ImportForm />
    </>
  );
}
