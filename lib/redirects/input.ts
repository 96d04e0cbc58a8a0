import { z } from "zod";

const sitePath = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Please enter the ${label}`)
    .max(2000, `Please keep the ${label} under 2,000 characters`)
    .refine((v) => v.startsWith("/") && !v.startsWith("//"), `The ${label} must be a path on this site, starting with /`);

export const redirectInput = z.object({ fromPath: sitePath("old address"), toPath: sitePath("new address") });
export const redirectIdInput = z.object({ redirectId: z.coerce.number().int().positive() });
