import { z } from "zod";
import { socialNetworks } from "@/db/schema";
import { isFetched } from "./rules";

// What the Stay Connected accounts screen accepts.

const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());

export const accountInput = z
  .object({
    id: z.union([z.literal(""), z.coerce.number().int().positive()]).optional().transform((v) => (typeof v === "number" ? v : null)),
    network: z.enum(socialNetworks, { error: "Please choose a network" }),
    handle: z.string().trim().min(1, "Please enter the account's handle").max(200),
    profileUrl: z.url({ protocol: /^https?$/, error: "Please enter the profile's address, starting with https://" }).max(2000),
    noun: z.string().trim().min(1, "Please enter what the count counts, such as Followers").max(40),
    verb: z.string().trim().min(1, "Please enter the link's action, such as Follow").max(40),
    count: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(/[,\s._]/g, "") : ""))
      .refine((v) => v === "" || (/^\d{1,11}$/.test(v) && Number(v) <= 10_000_000_000), "Please enter a whole number up to 10,000,000,000")
      .transform((v) => (v === "" ? null : Number(v))),
    manual: checkbox.default(false),
    visible: checkbox.default(false),
    position: z.coerce.number().int().min(0).max(1000).default(0),
  })
  .superRefine((value, ctx) => {
    if ((value.manual || !isFetched(value.network)) && value.count === null) {
      ctx.addIssue({ code: "custom", path: ["count"], message: "Please enter the count: this account's count is typed by hand" });
    }
  });

export const accountIdInput = z.object({ id: z.coerce.number().int().positive() });

/** Refresh now: one account, or all of them when no id is sent. */
export const refreshInput = z.object({ id: z.union([z.literal(""), z.coerce.number().int().positive()]).optional() });
