import type { NewsletterKind } from "../../db/schema";

/** The demo site's lists: a morning digest of every section and breaking news. */
export const demoNewsletters: { name: string; description: string; kind: NewsletterKind; sendTime: string; position: number }[] = [
  { name: "Morning Briefing", description: "The day's stories at 7:00.", kind: "digest", sendTime: "07:00", position: 1 },
  { name: "Breaking News", description: "Alerts when big news breaks.", kind: "breaking", sendTime: "07:00", position: 2 },
];
