import { z } from "zod";
import { commentModes, siteSettings } from "@/db/schema";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { settingsPageTags } from "@/lib/cache/invalidation";
import { isTimeZone } from "@/lib/time";

const reportsMessage = "Please enter a whole number of reports from 1 to 100";
/** A classifier score: a number from 0 to 1, written with a point or a comma. */
const score = (message: string) =>
  z.preprocess(
    (v) => (v === "" ? undefined : typeof v === "string" ? v.replace(",", ".") : v),
    z.coerce.number({ error: message }).min(0, message).max(1, message).optional(),
  );

export const settingsInput = z.object({
  siteName: z.string().trim().min(1, "Please enter the site's name").max(80, "Please keep the name under 80 characters"),
  description: z.string().trim().max(300, "Please keep the description under 300 characters").default(""),
  timeZone: z.string().trim().refine(isTimeZone, "Please choose a time zone such as Europe/London"),
  defaultCommentMode: z.enum(commentModes, { error: "Please choose how comments work" }),
  compactCounts: z.enum(["full", "compact"]).default("full").transform((v) => v === "compact"),
  logoUrl: z
    .string()
    .trim()
    .max(500, "Please keep the logo's address under 500 characters")
    // A path on the site only: the pages' Content-Security-Policy loads images from the site
    // itself, and a reader's browser never asks a third party for the header.
    .refine((v) => v === "" || /^\/(?![/\\])[^\s]*$/.test(v), "Please give the logo as a path on this site, such as /media/12/480.webp")
    .default("")
    .transform((v) => v || null),
  spamHoldAt: score("Please enter a score from 0 to 1 at which comments wait for a moderator, such as 0.7").default(0.7),
  spamMarkAt: score("Please enter a score from 0 to 1 at which comments are filed as spam, such as 0.95").default(0.95),
  reportsToHide: z
    .preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: reportsMessage }).int(reportsMessage).min(1, reportsMessage).max(100, reportsMessage).optional())
    .default(3),
}).refine((s) => s.spamMarkAt >= s.spamHoldAt, {
  path: ["spamMarkAt"],
  message: "The spam score must be at least the hold score",
});

export const saveSettings = staffAction("site.admin", settingsInput, async (input, ctx) => {
  await ctx.db
    .insert(siteSettings)
    .values({ id: 1, ...input, updatedAt: new Date() })
    .onConflictDoUpdate({ target: siteSettings.id, set: { ...input, updatedAt: new Date() } });
  await audit(ctx.db, { actor: ctx.staff, action: "settings.update", target: { type: "settings", id: 1 }, details: input });
  ctx.revalidate([...settingsPageTags]);
  return { ok: true, message: "Settings saved." };
});
