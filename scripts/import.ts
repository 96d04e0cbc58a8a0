// `npm run import -- wordpress FILE.xml [--dry-run] [--sections MAP.json] [--no-images]`:
// brings a WordPress export (Tools › Export in WordPress) into the configured database.
import { createReadStream, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase, type Database } from "../db/client";
import { DatabaseLockedError } from "../db/lock";
import { authSecret } from "../lib/env";
import { importWordpress } from "../lib/wordpress/import";
import { formatReport } from "../lib/wordpress/report";
import { WxrError } from "../lib/wordpress/wxr";

const usage = `Usage: npm run import -- wordpress FILE.xml [--dry-run] [--sections MAP.json] [--no-images]
  --sections MAP.json   {"wordpress-category-slug": "gazette-section-slug", "*": "fallback-section"}
  --dry-run             read and report, write nothing
  --no-images           keep featured images at their WordPress address instead of fetching them`;

const sectionMap = z.record(z.string().min(1), z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a Gazette section slug"));

function progress(done: number, total: number) {
  if (process.stderr.isTTY) {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : width;
    process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done} of ${total} items`);
    if (done === total) process.stderr.write("\n");
  } else if (done === total || done % 1000 === 0) {
    process.stderr.write(`${done} of ${total} items\n`);
  }
}

async function main(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "dry-run": { type: "boolean" }, sections: { type: "string" }, "no-images": { type: "boolean" } },
  });
  const [source, file] = positionals;
  if (source !== "wordpress" || !file) {
    console.error(usage);
    return 2;
  }
  let map: Record<string, string> | undefined;
  if (values.sections) {
    const parsed = sectionMap.safeParse(JSON.parse(readFileSync(values.sections, "utf8")));
    if (!parsed.success) {
      console.error(`${values.sections}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return 2;
    }
    map = parsed.data;
  }
  let database: Database;
  try {
    // The import streams the file: the embedded database needs no large buffers for it.
    database = await openDatabase(undefined, { smallMemory: true });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(`\n${error.message}\n`);
      return 1;
    }
    throw error;
  }
  try {
    // Loaded for PostgreSQL only: db-setup brings the demo seed (and sharp) with it, some 20 MB
    // resident that an import into the embedded database would carry for nothing.
    if (database.kind === "postgres") await (await import("./db-setup")).migrateServer(process.env.DATABASE_URL!);
    const report = await importWordpress(database.primary, () => createReadStream(file), {
      dryRun: values["dry-run"],
      sectionMap: map,
      ipSecret: authSecret(),
      fetchImages: !values["no-images"],
      onProgress: progress,
    });
    console.log(formatReport(report));
    return 0;
  } catch (error) {
    if (error instanceof WxrError) {
      console.error(`\n${file}: ${error.message}\nNothing was imported.\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
