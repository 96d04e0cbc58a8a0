import type { Metadata } from "next";
import { ArticleForm } from "@/components/newsroom/article-form";
import { getPrimaryDb } from "@/db/client";
import { listEditorOptions } from "@/lib/articles/queries";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { getSiteSettings } from "@/lib/site/cached";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const staff = await requirePermission("article.write");
  const [options, settings] = await Promise.all([listEditorOptions(await getPrimaryDb()), getSiteSettings()]);
  const ownAuthor = options.authors.find((a) => a.userId === staff.id);
  return (
    <>
      <h1>New article</h1>
      <ArticleForm
        canPublish={can(staff.role, "article.publish")}
        timeZone={settings.timeZone}
        sections={options.sections}
        authors={options.authors}
        initial={{
          id: "",
          version: "",
          title: "",
          slug: "",
          standfirst: "",
          body: "",
          sectionId: "",
          authorId: ownAuthor ? String(ownAuthor.id) : "",
          tags: "",
          sourceName: "",
          sourceUrl: "",
          mustRead: false,
          commentMode: settings.defaultCommentMode,
          heroImageAlt: "",
          heroImageCaption: "",
          heroImageCredit: "",
          heroImageUrl: "",
          scheduledAt: "",
          status: "new",
        }}
      />
    </>
  );
}
