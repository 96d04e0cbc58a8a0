import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { audit } from "@/lib/audit";
import { staffAction } from "@/lib/auth/action";
import { tags } from "@/lib/cache-tags";
import { authSecret } from "@/lib/env";
import { forgetRedirectLookups } from "@/lib/redirects/lookup";
import { importWordpress, type ImportReport } from "./import";
import { formatReport } from "./report";
import { WxrError } from "./wxr";

export const maxUploadBytes = 512 * 1024 * 1024;

const sectionMap = z.record(z.string().min(1), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a Gazette section slug"));

export const importInput = z.object({
  file: z
    .instanceof(File, { error: "Please choose the export file (WordPress: Tools › Export)" })
    .refine((f) => f.size > 0, "The file is empty")
    .refine((f) => f.size <= maxUploadBytes, "The file is larger than 512 MB: please use npm run import"),
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

/** The same import as `npm run import -- wordpress`, from the admin screen's upload. */
export const importUpload = staffAction("site.admin", importInput, async (input, ctx) => {
  // Written to disk first: the importer reads the file twice (to check it, then to write).
  const dir = await mkdtemp(path.join(os.tmpdir(), "gazette-import-"));
  const file = path.join(dir, "export.xml");
  let report: ImportReport;
  try {
    await pipeline(Readable.fromWeb(input.file.stream() as WebReadableStream), createWriteStream(file));
    report = await importWordpress(ctx.db, () => createReadStream(file), { dryRun: input.dryRun, sectionMap: input.sections, ipSecret: authSecret(), fetchImages: true });
  } catch (error) {
    if (error instanceof WxrError) return { ok: false, message: `${input.file.name}: ${error.message}. Nothing was imported.`, errors: { file: [error.message] } };
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (!report.dryRun) {
    await audit(ctx.db, { actor: ctx.staff, action: "import.wordpress", details: { site: report.site, created: report.created, updated: report.updated } });
    forgetRedirectLookups();
    // What an import touches reaches every listing; articles it updated carry their own tags.
    ctx.revalidate([tags.home, tags.sections, tags.feeds, tags.mustRead, tags.pages, tags.redirects, tags.settings, ...report.changed]);
  }
  return { ok: true, message: formatReport(report) };
});
