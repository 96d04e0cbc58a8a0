import type { Article } from "@/db/schema";
import type { ArticleFormValues } from "./article-form";
import { utcToZonedInput } from "@/lib/time";

export function formValuesFor(article: Article, tagNames: string[], timeZone: string): ArticleFormValues {
  return {
    id: String(article.id),
    version: String(article.version),
    title: article.title,
    slug: article.slug,
    standfirst: article.standfirst,
    body: article.body,
    sectionId: String(article.sectionId),
    authorId: String(article.authorId),
    tags: tagNames.join(", "),
    sourceName: article.sourceName ?? "",
    sourceUrl: article.sourceUrl ?? "",
    mustRead: article.mustRead,
    commentMode: article.commentMode,
    heroImageAlt: article.heroImageAlt ?? "",
    heroImageCaption: article.heroImageCaption ?? "",
    heroImageCredit: article.heroImageCredit ?? "",
    heroImageUrl: article.heroImageUrl ?? "",
    scheduledAt: article.status === "scheduled" && article.publishedAt ? utcToZonedInput(article.publishedAt, timeZone) : "",
    status: article.status,
  };
}
