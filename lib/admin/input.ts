import { z } from "zod";
import { commentModes, roles } from "@/db/schema";
import { isTimeZone } from "@/lib/time";

// What the admin screens' forms (users, sections, settings) accept. Plain, without server-only:
// `npm run users` checks a new account with the same fields.

export const userFields = {
  email: z.string().trim().toLowerCase().max(254).pipe(z.email("Please enter a valid email address")),
  name: z.string().trim().min(1, "Please enter a name").max(120, "Please keep the name under 120 characters"),
  role: z.enum(roles, { error: "Please choose a role" }),
};

const userId = z.coerce.number().int().positive();

export const userInput = z.object(userFields);
export const roleInput = z.object({ userId, role: userFields.role });
export const activeInput = z.object({ userId, active: z.enum(["true", "false"]).transform((v) => v === "true") });
export const userIdInput = z.object({ userId });

const slugField = z
  .string()
  .trim()
  .max(60)
  .optional()
  .transform((v) => v || "");

export const sectionInput = z.object({
  name: z.string().trim().min(1, "Please enter a name").max(60, "Please keep the name under 60 characters"),
  slug: slugField,
  description: z.string().trim().max(300, "Please keep the description under 300 characters").default(""),
});

const sectionId = z.coerce.number().int().positive();

export const sectionUpdateInput = sectionInput.extend({ sectionId });
export const sectionMoveInput = z.object({ sectionId, direction: z.enum(["up", "down"]) });

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
