// Mutation testing (npm run test:mutation): Stryker changes the code of the core domains one
// small bug at a time and checks that some test fails. Not part of `npm test`: a full run takes
// hours. Run one domain at a time, as STRYKER_DOMAIN=auth npm run test:mutation; each domain
// keeps its own incremental file, so a second run only re-tests what changed since.
const coreDomains = ["auth", "comments", "moderation", "articles"];
const domain = process.env.STRYKER_DOMAIN;
if (domain && !coreDomains.includes(domain)) throw new Error(`STRYKER_DOMAIN is one of ${coreDomains.join(", ")}`);
const domains = domain ? [domain] : coreDomains;
// STRYKER_FILES=lib/comments/spam.ts,lib/comments/queries.ts narrows a run to some files of
// the domain, with a report and incremental file of its own.
const files = process.env.STRYKER_FILES?.split(",").filter(Boolean) ?? [];
if (files.some((f) => !domains.some((d) => f.startsWith(`lib/${d}/`)))) throw new Error(`STRYKER_FILES must lie in lib/${domains.join(", lib/")}`);
const tests = process.env.STRYKER_TESTS ? ["subset"] : [];
const name = [domain ?? "core", ...files.map((f) => f.replace(/^.*\//, "").replace(/\.ts$/, "")), ...tests].join("-");

const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: files.length ? files : [...domains.map((d) => `lib/${d}/**/*.ts`), "!lib/**/*.test.ts"],
  coverageAnalysis: "perTest",
  // Module-level code runs once per test file; each such mutant would re-run every test.
  ignoreStatic: true,
  // One test process at a time by default, as the machine may be shared; STRYKER_CONCURRENCY=2
  // runs two.
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 1),
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  // Added to the time the tests took unmutated; a mutant that outlasts it (a loop that never
  // ends, a transaction that waits forever) counts as detected.
  timeoutMS: 20_000,
  // The first, unmutated run of every related test file with coverage: lib/comments' takes
  // over 5 minutes (Stryker's default limit) on two cores.
  dryRunTimeoutMinutes: 30,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};

export default config;
