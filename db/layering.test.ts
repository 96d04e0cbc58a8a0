import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

// db/ is the bottom layer: lib/ builds on it, never the other way round. The one exception is
// the validated environment (lib/env.ts), which imports nothing of ours. Type-only imports are
// erased at compile time and make no dependency.
const root = path.join(import.meta.dirname, "..");
const allowed = new Set(["lib/env.ts"]);

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "migrations" ? [] : sources(rel);
    return /\.(ts|mts|mjs)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [rel] : [];
  });
}

/** The project files a module imports at run time, as paths from the repository root. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((m) => m[1] ?? "");
  return specifiers.flatMap((s) => {
    if (s.startsWith("@/")) return [s.slice(2)];
    if (s.startsWith(".")) return [path.relative(root, path.resolve(root, path.dirname(file), s))];
    return [];
  });
}

const withExtension = (p: string) => (/\.\w+$/.test(p) ? p : `${p}.ts`);

it("db/ imports nothing from lib/ but the environment", () => {
  const files = sources("db");
  expect(files).toContain(path.join("db", "client.ts"));
  const offending = files.flatMap((file) =>
    runtimeImports(file)
      .map(withExtension)
      .filter((target) => target.startsWith("lib/") && !allowed.has(target))
      .map((target) => `${file} → ${target}`),
  );
  expect(offending).toEqual([]);
});

it("what db/ may import from lib/ imports nothing back", () => {
  for (const file of allowed) {
    expect(runtimeImports(file).filter((t) => t.startsWith("db/") || t.startsWith("lib/")), file).toEqual([]);
  }
});
