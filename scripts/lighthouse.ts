// `npm run lighthouse -- [base URL]`: Lighthouse 12 (mobile, its default simulated throttling)
// over the front page and the lead article of a running Gazette, printing the four scores.
// It drives the same Chromium, with the same flags, as the end-to-end tests. With `--check` it
// exits 1 when a page scores under 95 in Performance or under 100 in the other three.
import { createServer } from "node:net";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import { chromiumArgs, chromiumPath } from "../e2e/support/chromium";

const categories = ["performance", "accessibility", "best-practices", "seo"] as const;
const minimum: Record<(typeof categories)[number], number> = { performance: 95, accessibility: 100, "best-practices": 100, seo: 100 };

const args = process.argv.slice(2);
const check = args.includes("--check");
const base = (args.find((a) => !a.startsWith("--")) ?? "http://127.0.0.1:3000").replace(/\/$/, "");

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

const port = await freePort();
const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
let failed = false;
try {
  for (const path of ["/", await leadArticle()]) {
    const result = await lighthouse(`${base}${path}`, { port, logLevel: "error", output: "json", onlyCategories: [...categories] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
    const scores = categories.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)] as const);
    const lcp = result.lhr.audits["largest-contentful-paint"]?.displayValue ?? "?";
    console.log(`${path}\n${scores.map(([c, s]) => `  ${c.padEnd(15)} ${String(s).padStart(3)}`).join("\n")}\n  LCP             ${lcp}`);
    for (const [c, s] of scores) {
      if (s >= minimum[c]) continue;
      failed = true;
      const failing = Object.values(result.lhr.audits).filter(
        (a) => a.score !== null && a.score < 1 && result.lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0),
      );
      console.log(`  under ${minimum[c]} in ${c}: ${failing.map((a) => a.id).join(", ")}`);
    }
  }
} finally {
  await browser.close();
}
if (check && failed) process.exit(1);
