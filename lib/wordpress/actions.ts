import { createReadStream } from "node:fs";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import { authSecret } from "@/lib/env";
import { forgetRedirectLookups } from "@/lib/redirects/lookup";
import { importWordpress, type ImportReport } from "./import";
import { formatReport } from "./report";
import { maxUploadBytes, UploadedFile } from "./upload";
import { WxrError } from "./wxr";

const sectionMap = z.record(z.string().min(1), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a Gazette section slug"));

export const importInput = z.object({
  file: z
    .instanceof(UploadedFile, { error: "Please choose the export file (WordPress: Tools › Export)" })
    .refine((f) => f.size > 0, "The file is empty")
    .refine((f) => !f.tooLarge && f.size <= maxUploadBytes, "The file is larger than 512 MB: please use npm run import"),
  dryRun: z.literal("on").optional().transform((v) => v === "on"),
  sections: z
    .string()
    .trim()
    .max(20_000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        const parsed = sectionMap.safeParse(JSON.parse(v));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: `Section map: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}` });
      } catch {
        ctx.addIssue({ code: "custom", message: 'The section map must be JSON such as {"news": "world"}' });
      }
      return z.NEVER;
    }),
});

/**
 * The same import as `npm run import -- wordpress`, from the admin screen's upload, which the
 * route has streamed to disk (lib/wordpress/upload.ts): the importer reads it twice, to check
 * it and then to write, each time as a stream. The route removes the file afterwards.
 */
export const importUpload = staffAction("site.admin", importInput, async (input, ctx) => {
  let report: ImportReport;
  try {
    report = await importWordpress(ctx.db, () => createReadStream(input.file.path), { dryRun: input.dryRun, sectionMap: input.sections, ipSecret: authSecret(), fetchImages: true });
  } catch (error) {
    if (error instanceof WxrError) return { ok: false, message: `${input.file.name}: ${error.message}. Nothing was imported.`, errors: { file: [error.message] } };
    throw error;
  }
  if (!report.dryRun) {
    await audit(ctx.db, { actor: ctx.staff, action: "import.wordpress", details: { site: report.site, created: report.created, updated: report.updated } });
    await forgetRedirectLookups();
    // What an import touches reaches every listing; articles it updated carry their own tags.
    ctx.revalidate([tags.home, tags.sections, tags.feeds, tags.mustRead, tags.pages, tags.redirects, tags.settings, ...report.changed]);
  }
  return { ok: true, message: formatReport(report) };
});
