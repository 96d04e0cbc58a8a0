import type { ReportReason } from "@/db/schema";

/** What readers choose from and moderators read, by stored reason. */
export const reportLabels: Record<ReportReason, string> = {
  spam: "Spam",
  abuse: "Abuse or harassment",
  "off-topic": "Off-topic",
  other: "Something else",
};
