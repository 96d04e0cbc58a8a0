// The W3C Nu HTML Checker (the `vnu-jar` package), run locally on Java: the same checker as
// validator.w3.org/nu, without sending a page anywhere.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const vnuJar = path.join(process.cwd(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

export type NuMessage = { type: string; subType?: string; url: string; lastLine?: number; message: string; extract?: string };

/** Checks each named HTML document and returns its errors (warnings are left out). */
export async function nuErrors(documents: Record<string, string>): Promise<{ page: string; message: string; extract?: string }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "gazette-nu-"));
  const files = Object.entries(documents).map(([name, html], i) => {
    const file = path.join(dir, `${i}.html`);
    writeFileSync(file, html);
    return [file, name] as const;
  });
  try {
    const output = await new Promise<string>((resolve, reject) => {
      // The checker exits with 1 when it finds errors; its JSON report goes to stderr either way.
      execFile(process.env.JAVA ?? "java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files.map(([f]) => f)], { maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
        if (error && !stderr.trim().startsWith("{")) reject(error);
        else resolve(stderr);
      });
    });
    const names = new Map(files.map(([file, name]) => [`file:${file}`, name]));
    const { messages } = JSON.parse(output) as { messages: NuMessage[] };
    return messages
      .filter((m) => m.type === "error" || m.subType === "fatal")
      .map((m) => ({ page: names.get(m.url) ?? m.url, message: `${m.message} (line ${m.lastLine ?? "?"})`, extract: m.extract }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
