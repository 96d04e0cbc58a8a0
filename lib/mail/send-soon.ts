import "server-only";
import { after } from "next/server";
import { getPrimaryDb, inBackground } from "@/db/client";
import { mailer } from "./config";
import { drainMailQueue } from "./queue";

/**
 * Sends what a request queued (a confirmation, a reply alert) right after its response, not
 * during it. If this process dies first, the background mail pass on any instance sends it.
 */
export function sendQueuedMailSoon() {
  after(() => inBackground(async () => drainMailQueue(await getPrimaryDb(), mailer())).catch((error) => console.error("Mail queue:", error)));
}
