import type { Metadata } from "next";
import { StaffForm } from "@/components/newsroom/staff-form";
import { getPrimaryDb } from "@/db/client";
import { getSettingsRow } from "@/lib/admin/queries";
import { requirePermission } from "@/lib/auth/session";
import { saveSettingsAction } from "../actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePermission("site.admin");
  const s = await getSettingsRow(await getPrimaryDb());
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <>
      <h1>Site settings</h1>
      <StaffForm
        action={saveSettingsAction}
        submit="Save settings"
        fields={[
          { name: "siteName", label: "Site name", defaultValue: s?.siteName ?? "Gazette", required: true, maxLength: 80 },
          { name: "description", label: "Description", type: "textarea", defaultValue: s?.description ?? "", maxLength: 300 },
          {
            name: "timeZone",
            label: "Time zone",
            type: "select",
            defaultValue: s?.timeZone ?? "UTC",
            options: ["UTC", ...zones.filter((z) => z !== "UTC")].map((z) => ({ value: z, label: z })),
          },
          {
            name: "defaultCommentMode",
            label: "Comments on new articles",
            type: "select",
            defaultValue: s?.defaultCommentMode ?? "moderated",
            options: [
              { value: "moderated", label: "Moderated" },
              { value: "open", label: "Open" },
              { value: "closed", label: "Closed" },
            ],
          },
          {
            name: "logoUrl",
            label: "Logo address",
            defaultValue: s?.logoUrl ?? "",
            maxLength: 500,
            hint: "A path on this site, such as an uploaded image's /media/… address; empty for the bundled logo. It shows in the header, in the structured data search engines read, and in share cards.",
          },
          {
            name: "compactCounts",
            label: "Follower counts",
            type: "select",
            defaultValue: s?.compactCounts ? "compact" : "full",
            options: [
              { value: "full", label: "In full (16,985)" },
              { value: "compact", label: "Compact (17K)" },
            ],
          },
          {
            name: "spamHoldAt",
            label: "Spam classifier: hold for a moderator from score",
            defaultValue: String(s?.spamHoldAt ?? 0.7),
            hint: "From 0 to 1. Comments the classifier scores at least this high wait in Pending with its reason.",
          },
          {
            name: "spamMarkAt",
            label: "Spam classifier: file as spam from score",
            defaultValue: String(s?.spamMarkAt ?? 0.95),
            hint: "From 0 to 1, at least the hold score.",
          },
          {
            name: "reportsToHide",
            label: "Readers' reports that take a comment off the page",
            defaultValue: String(s?.reportsToHide ?? 3),
            hint: "Reports from this many different readers hide a comment until a moderator decides.",
          },
        ]}
      />
    </>
  );
}
