import { eq } from "drizzle-orm";
import type { z } from "zod";
import { articles } from "@/db/schema";
import type { ActionState, StaffContext } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import { imageUrl } from "@/lib/media/addresses";
import { ImageRejected, storeImage } from "@/lib/media/images";
import type { bodyImageInput } from "./input";
import { writerRefusal } from "./save";

/**
 * Stores an image for an article's body, for the article's own staff. The image stays private
 * until an article that shows it is public (lib/media/queries.ts).
 */
export async function uploadImage(input: z.output<typeof bodyImageInput>, ctx: StaffContext): Promise<ActionState> {
  const [article] = await ctx.db.select({ createdBy: articles.createdBy, status: articles.status }).from(articles).where(eq(articles.id, input.articleId));
  if (!article) return { ok: false, message: "This article no longer exists." };
  const refusal = can(ctx.staff.role, "article.edit-any") ? null : writerRefusal(article, ctx.staff.id);
  if (refusal) return { ok: false, refused: "forbidden", message: refusal };
  try {
    const stored = await storeImage(ctx.db, input.image, ctx.staff.id, { offTheClock: ctx.offTheClock });
    return { ok: true, message: "Image uploaded.", imageUrl: imageUrl(stored) };
  } catch (error) {
    if (error instanceof ImageRejected) return { ok: false, message: error.message };
    throw error;
  }
}
