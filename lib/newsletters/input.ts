import { z } from "zod";
import { newsletterKinds } from "@/db/schema";

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Please enter a shorter email address")
  .pipe(z.email({ error: "Please enter a valid email address" }));

/** One id or many, as a form sends checkboxes. */
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.string().regex(/^\d{1,9}$/).transform(Number)).max(50))
  .transform((ids) => [...new Set(ids)]);

/** Where a signup form sits: "home", "section:world", "article:12". */
const source = z
  .string()
  .trim()
  .max(80)
  .regex(/^(home|section:[a-z0-9-]+|article:\d+|manage)$/, "unknown form")
  .catch("home");

export const subscribeInput = z.object({
  email: emailField,
  lists: idList.refine((ids) => ids.length > 0, "Please choose at least one newsletter"),
  source,
});
export type SubscribeInput = z.output<typeof subscribeInput>;

export const manageInput = z.object({
  token: z.string().min(10).max(2000),
  lists: idList,
  intent: z.enum(["save", "unsubscribe"]).default("save"),
});

const sendTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Please give a time such as 07:00");

export const newsletterInput = z
  .object({
    id: z.coerce.number().int().positive().optional().catch(undefined),
    name: z.string().trim().min(1, "Please enter a name").max(80, "Please keep the name under 80 characters"),
    description: z.string().trim().max(300, "Please keep the description under 300 characters").default(""),
    kind: z.enum(newsletterKinds, { error: "Please choose digest or breaking news" }),
    sections: idList,
    sendTime: sendTime.default("07:00"),
    enabled: z
      .union([z.literal("on"), z.literal("true"), z.literal("1")])
      .optional()
      .transform((v) => v !== undefined),
  });

export const importInput = z.object({
  csv: z.string().max(1_000_000, "Please import at most 1 MB at a time").min(1, "Please paste or upload a CSV file"),
  lists: idList.refine((ids) => ids.length > 0, "Please choose at least one newsletter"),
  attest: z
    .union([z.literal("on"), z.literal("true")])
    .optional()
    .transform((v) => v !== undefined),
});

export const searchInput = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
