import { eq } from "drizzle-orm";
import { z } from "zod";
import { articles } from "@/db/schema";
import { staffAction } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { ImageRejected, imageUrl, storeImage } from "@/lib/media/images";
import { writerRefusal } from "./editorial";

const bodyImageInput = z.object({
  articleId: z.coerce.number().int().positive("Save the draft before adding images"),
  image: z.instanceof(File, { error: "Please choose an image" }),
});

/**
 * An image pasted or dropped into an article's body, stored like a hero image. It is for the
 * article's own staff: a writer may add images only to their own draft, and the image stays
 * private until an article that shows it is public (lib/media/queries.ts).
 */
export const uploadBodyImage = staffAction("article.write", bodyImageInput, async (input, ctx) => {
  const [article] = await ctx.db.select({ createdBy: articles.createdBy, status: articles.status }).from(articles).where(eq(articles.id, input.articleId));
  if (!article) return { ok: false, message: "This article no longer exists." };
  const refusal = can(ctx.staff.role, "article.edit-any") ? null : writerRefusal(article, ctx.staff.id);
  if (refusal) return { ok: false, refused: "forbidden", message: refusal };
  try {
    const stored = await storeImage(ctx.db, input.image, ctx.staff.id);
    return { ok: true, message: "Image uploaded.", imageUrl: imageUrl(stored) };
  } catch (error) {
    if (error instanceof ImageRejected) return { ok: false, message: error.message };
    throw error;
  }
});
