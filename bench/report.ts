// The benchmark's table and its verdict on the issue's targets, from one run's rows (and,
// for the size comparison, the latest full run of another size in bench/results/).
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Round } from "./measure";

export type Row = {
  id: string;
  label: string;
  rounds: Round[];
  note?: string;
  skipped?: string;
  /** the figures the table shows: means over rounds */
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  cpu?: number;
  bytes?: number;
};

export type FirstLoadJs = { gzip: number; raw: number; files: { src: string; gzip: number }[]; thirdParty: string[] };
export type Target = { what: string; ok: boolean | undefined; detail: string };

export function mean(values: number[]) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function summarize(row: Row) {
  if (row.rounds.length === 0) return;
  row.rps = mean(row.rounds.map((r) => r.rps));
  row.p50 = mean(row.rounds.map((r) => r.p50));
  row.p95 = mean(row.rounds.map((r) => r.p95));
  row.p99 = mean(row.rounds.map((r) => r.p99));
  row.cpu = mean(row.rounds.map((r) => r.cpuPerRequest));
  row.bytes = Math.round(mean(row.rounds.map((r) => r.bytesPerResponse)));
}

export function fmt(n: number | undefined, digits = 0) {
  if (n === undefined || Number.isNaN(n)) return "—";
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

type Previous = { file: string; articles: number; rows: Row[]; quick?: boolean; connections?: number; database?: string; only?: string };

function previousResults(): Previous[] {
  const dir = path.join(process.cwd(), "bench", "results");
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => ({ file: f, ...(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Omit<Previous, "file">) }));
  } catch {
    return [];
  }
}

export function renderReport(run: {
  rows: Row[];
  js: FirstLoadJs;
  startedAt: Date;
  articleCount: number;
  kind: "embedded" | "postgres";
  connections: number;
  seconds: number;
  passes: number;
  quick: boolean;
}) {
  const { rows, js, startedAt, articleCount, kind, connections, seconds, passes, quick } = run;
  const row = (id: string) => rows.find((r) => r.id === id)!;
  const [a, b, c, d, e, f, g, h, i, j] = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map(row) as [Row, Row, Row, Row, Row, Row, Row, Row, Row, Row | undefined];
  const ceiling = a.rps!;
  // --- the table ----------------------------------------------------------------------
  const machine = {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
  };
  const head = `Gazette benchmark, ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC — ${articleCount.toLocaleString("en-US")} articles, ${kind === "postgres" ? "PostgreSQL" : "embedded PGlite"}, ${connections} connections, ${seconds} s × ${passes} rounds\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}`;
  const lines = [
    "| row | what | req/s | p50 ms | p99 ms | × ceiling | CPU ms/req | bytes |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) =>
      r.skipped
        ? `| ${r.id} | ${r.label} | skipped: ${r.skipped} | | | | | |`
        : `| ${r.id} | ${r.label}${r.note ? ` (${r.note})` : ""} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.id === "h" || r.id === "j" || r.id === "l" ? "—" : fmt(r.rps! / ceiling, 3)} | ${fmt(r.cpu, 2)} | ${r.bytes ? fmt(r.bytes) : "—"} |`,
    ),
  ];
  const jsLine = `Article page first-load JavaScript: ${fmt(js.gzip / 1024, 1)} KB gzip (${fmt(js.raw / 1024, 1)} KB raw) in ${js.files.length} files; third-party scripts: ${js.thirdParty.length ? js.thirdParty.join(", ") : "none"}.`;

  const targets: Target[] = [];
  const ok = (x: Row) => !x.skipped && x.rps !== undefined;
  if (ok(b) && ok(c)) {
    targets.push({ what: "cached article ≥ 0.9 × static page", ok: c.rps! >= 0.9 * b.rps!, detail: `${fmt(c.rps! / b.rps!, 2)}×` });
    targets.push({ what: "cached article p99 ≤ 1.5 × static page p99", ok: c.p99! <= 1.5 * b.p99!, detail: `${fmt(c.p99, 1)} vs ${fmt(b.p99, 1)} ms` });
  }
  if (ok(c) && ok(d)) targets.push({ what: "home ≥ 0.8 × cached article", ok: d.rps! >= 0.8 * c.rps!, detail: `${fmt(d.rps! / c.rps!, 2)}×` });
  if (ok(c) && ok(e)) targets.push({ what: "section page 3 ≥ 0.8 × cached article", ok: e.rps! >= 0.8 * c.rps!, detail: `${fmt(e.rps! / c.rps!, 2)}×${e.note ? ` (${e.note})` : ""}` });
  if (ok(h) && h.rounds[0]!.requests > 0) targets.push({ what: "uncached article render ≤ 10 ms CPU", ok: h.cpu! <= 10, detail: `${fmt(h.cpu, 1)} ms at ${articleCount.toLocaleString("en-US")} articles` });
  if (ok(f)) targets.push({ what: "search p95 ≤ 50 ms", ok: f.p95! <= 50, detail: `${fmt(f.p95, 1)} ms at ${articleCount.toLocaleString("en-US")} articles, under ${connections} connections (searches asked for before are cached pages)` });
  if (j && ok(j)) targets.push({ what: "search p95 ≤ 50 ms for a query not yet cached (j)", ok: j.p95! <= 50, detail: `${fmt(j.p95, 1)} ms at ${articleCount.toLocaleString("en-US")} articles, one at a time; median CPU ${fmt(j.cpu, 1)} ms` });
  if (ok(g)) targets.push({ what: "comment post ≤ 2 ms CPU", ok: g.cpu! <= 2, detail: `${fmt(g.cpu, 2)} ms (Node only; PostgreSQL's own CPU not counted)` });
  const k = rows.find((r) => r.id === "k");
  if (ok(g) && k && ok(k)) {
    targets.push({ what: "comment post on a busy story (k) ≤ 1.5 × a quiet one's (g) CPU", ok: k.cpu! <= 1.5 * g.cpu!, detail: `${fmt(k.cpu, 2)} vs ${fmt(g.cpu, 2)} ms (${fmt(k.cpu! / g.cpu!, 2)}×)` });
  }
  targets.push({ what: "article first-load JS ≤ 150 KB gzip, no third-party script", ok: js.gzip <= 150 * 1024 && js.thirdParty.length === 0, detail: `${fmt(js.gzip / 1024, 1)} KB` });
  if (ok(i)) targets.push({ what: "nginx (i) ≥ 0.8 × ceiling", ok: i.rps! >= 0.8 * ceiling, detail: `${fmt(i.rps! / ceiling, 2)}×` });
  // The issue compares 100,000 articles with 1,000: the latest full run of another size, same
  // database kind and load, stands in for the other end.
  const other = previousResults()
    .filter((p) => p.articles !== articleCount && !p.only && !p.quick && !quick && p.connections === connections && p.database === kind)
    .at(-1);
  const otherC = other?.rows.find((r) => r.id === "c");
  if (other && otherC?.rps && c.rps) {
    const [small, large] = other.articles < articleCount ? [otherC.rps, c.rps] : [c.rps, otherC.rps];
    targets.push({
      what: "throughput at the larger size within 10% of the smaller (row c, across two runs)",
      ok: large >= 0.9 * small,
      detail: `${fmt(c.rps)} req/s now vs ${fmt(otherC.rps)} at ${other.articles.toLocaleString("en-US")} articles (${other.file}); different runs, so noisier than the rest`,
    });
  }

  return { machine, targets, table: [head, "", ...lines, "", jsLine].join("\n") };
}
