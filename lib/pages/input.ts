import { z } from "zod";

export const pageIntents = ["draft", "publish", "unpublish"] as const;

const optionalId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? Number(v) : null))
  .pipe(z.number().int().positive().nullable());

export const pageInput = z.object({
  pageId: optionalId,
  title: z.string().trim().min(1, "Please enter a title").max(200, "Please keep the title under 200 characters"),
  slug: z.string().trim().max(80, "Please keep the slug under 80 characters").optional().transform((v) => v || ""),
  parentId: optionalId,
  body: z.string().max(200_000, "Please keep the body under 200,000 characters").default(""),
  intent: z.enum(pageIntents, { error: "Choose Save draft, Publish or Unpublish" }),
});

export type PageInput = z.infer<typeof pageInput>;
