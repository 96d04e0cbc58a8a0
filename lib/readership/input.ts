import { z } from "zod";

/** Beacons are a few hundred bytes; anything larger is not one of ours. */
export const maxBeaconBytes = 2048;

/**
 * What the page's beacon sends (components/site/read-beacon.tsx): the article id the page carries
 * in `data-article-id` (none on other pages), the page's address and `document.referrer`.
 * Nothing of it is stored: it only picks the row and the referrer class.
 */
export const beaconInput = z.object({
  a: z.number().int().positive().max(2_147_483_647).optional(),
  u: z.string().max(1000),
  r: z.string().max(1000).optional().default(""),
});

