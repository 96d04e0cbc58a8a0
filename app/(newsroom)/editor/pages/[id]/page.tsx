import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageForm } from "@/components/newsroom/page-form";
import { Timestamp } from "@/components/ui/timestamp";
import { getPrimaryDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { getPage, listPages } from "@/lib/pages/queries";
import { getSiteSettings } from "@/lib/site/cached";
import { savePageAction } from "../actions";

export const metadata: Metadata = { title: "Edit page" };

export default async function EditPagePage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("page.manage");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const db = await getPrimaryDb();
  const [page, rows, { timeZone }] = await Promise.all([getPage(db, { id }), listPages(db), getSiteSettings()]);
  if (!page) notFound();
  const parents = rows.filter((p) => p.parentId === null && p.id !== page.id);
  const parentSlug = rows.find((p) => p.id === page.parentId)?.slug;
  const path = parentSlug ? `/${parentSlug}/${page.slug}` : `/${page.slug}`;
  return (
    <>
      <p>
        <Link href="/editor/pages">All pages</Link>
      </p>
      <h1>{page.title}</h1>
      <p>
        {page.status === "published" ? (
          <>
            Published at <Link href={path}>{path}</Link>
          </>
        ) : (
          "Draft: not public"
        )}
        {" · "}updated <Timestamp at={page.updatedAt} timeZone={timeZone} /> · version {page.version}
      </p>
      <PageForm
        action={savePageAction}
        initial={{ pageId: String(page.id), title: page.title, slug: page.slug, parentId: page.parentId ? String(page.parentId) : "", body: page.body, status: page.status }}
        parents={parents}
      />
    </>
  );
}
