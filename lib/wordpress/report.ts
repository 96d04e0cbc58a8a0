import type { ImportReport } from "./import";

const line = (label: string, counts: Record<string, number>) => {
  const parts = Object.entries(counts).map(([k, n]) => `${n.toLocaleString("en-US")} ${k}`);
  return parts.length > 0 ? `${label}: ${parts.join(", ")}` : `${label}: nothing`;
};

/** The import's report as text, for the terminal and the admin screen alike. */
export function formatReport(report: ImportReport): string {
  const out = [
    `${report.dryRun ? "Dry run (nothing was written)" : "Imported"}: ${report.site || "WordPress export"}, WXR ${report.wxrVersion}, ${report.items.toLocaleString("en-US")} items`,
    line(report.dryRun ? "Would create" : "Created", report.created),
    line(report.dryRun ? "Would update" : "Updated", report.updated),
    line("Unchanged", report.unchanged),
    line("Skipped", report.skipped),
  ];
  if (report.notes.length > 0) out.push("Notes:", ...report.notes.map((n) => `  - ${n}`));
  if (report.remoteImages.length > 0) {
    out.push(`Featured images kept at their WordPress address (${report.remoteImages.length}):`);
    out.push(...report.remoteImages.slice(0, 50).map((u) => `  - ${u}`));
    if (report.remoteImages.length > 50) out.push(`  … and ${report.remoteImages.length - 50} more`);
  }
  return out.join("\n");
}
