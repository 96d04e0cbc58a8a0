// `npm run lighthouse -- [base URL] [--runs N] [--check]`: Lighthouse 12 (mobile, its default
// simulated throttling) over the front page and the lead article of a running Gazette, printing
// the four scores, LCP and Total Blocking Time. A single run of Performance varies by ten points
// or more on a busy host, so each page is run N times (default 5) and the median run is the
// one reported, as Lighthouse's own guidance on variability advises; the other runs' scores are
// printed beside it. It drives the same Chromium, with the same flags, as the end-to-end tests.
// With `--check` it exits 1 when a page's median scores under 95 in Performance or under 100 in
// the other three.
import { createServer } from "node:net";
import { chromium } from "@playwright/test";
import lighthouse, { type Result } from "lighthouse";
import { chromiumArgs, chromiumPath } from "../e2e/support/chromium";

const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
const minimum: Record<(typeof categories)[number], number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const args = process.argv.slice(2);
const check = args.includes("--check");
const runsAt = args.indexOf("--runs");
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs, 1 or more");
const base = (args.find((a, i) => !a.startsWith("--") && (runsAt < 0 || i !== runsAt + 1)) ?? "http://127.0.0.1:3000").replace(/\/$/, "");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The front page's lead story: the article a reader is most likely to open, with its hero. */
async function leadArticle(): Promise<string> {
  const html = await (await fetch(`${base}/`)).text();
  const lead = html.slice(html.indexOf('aria-label="Lead story"'));
  const href = /href="(\/[a-z0-9-]+\/[a-z0-9-]+)"/.exec(lead)?.[1];
  if (!href) throw new Error(`no lead story on ${base}/`);
  return href;
}

const scoreOf = (lhr: Result, c: (typeof categories)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);

const port = await freePort();
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
let failed = false;
try {
  for (const path of ["/", await leadArticle()]) {
    const results: Result[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${base}${path}`, { port, logLevel: "error", output: "json", onlyCategories: [...categories] });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      results.push(result.lhr);
    }
    // The median run by Performance (the other three scores barely vary between runs).
    const lhr = [...results].sort((a, b) => scoreOf(a, "performance") - scoreOf(b, "performance"))[Math.floor((runs - 1) / 2)]!;
    const audit = (id: string) => lhr.audits[id]?.displayValue ?? "?";
    const all = (c: (typeof categories)[number]) => (runs > 1 ? `   (runs: ${results.map((r) => scoreOf(r, c)).join(", ")})` : "");
    console.log(`${path}  (median of ${runs}; Lighthouse's benchmark index of this host ${Math.round(lhr.environment.benchmarkIndex)})`);
    for (const c of categories) console.log(`  ${c.padEnd(15)} ${String(scoreOf(lhr, c)).padStart(3)}${all(c)}`);
    console.log(`  LCP             ${audit("largest-contentful-paint")}\n  TBT             ${audit("total-blocking-time")}`);
    for (const c of categories) {
      if (scoreOf(lhr, c) >= minimum[c]) continue;
      failed = true;
      const failing = Object.values(lhr.audits).filter(
        (a) => a.score !== null && a.score < 1 && lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
      );
      console.log(`  under ${minimum[c]} in ${c}: ${failing.map((a) => a.id).join(", ")}`);
    }
  }
} finally {
  await browser.close();
}
if (check && failed) process.exit(1);
