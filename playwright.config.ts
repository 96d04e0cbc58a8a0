import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./e2e/support/chromium";

// One production build and one server per run, on a database made for the run: a fresh
// PostgreSQL database when TEST_DATABASE_URL is set, else an embedded one in a temp folder.
process.env.E2E_RUN_ID ??= `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
if (process.env.TEST_DATABASE_URL && !process.env.E2E_DATABASE_URL) {
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/gazette_e2e_${process.env.E2E_RUN_ID}`;
  process.env.E2E_DATABASE_URL = url.toString();
}
process.env.E2E_SEED_PASSWORD ??= `e2e-${randomBytes(9).toString("base64url")}`;

const port = Number(process.env.E2E_PORT ?? 3200);
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      testIgnore: /cache\.spec\.ts/,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
      },
    },
    // The cache test counts the server's database queries: it runs alone, after the others.
    {
      name: "cache",
      testMatch: /cache\.spec\.ts/,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    command: "npx tsx e2e/support/server.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      E2E_PORT: String(port),
      E2E_RUN_ID: process.env.E2E_RUN_ID,
      E2E_DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      E2E_SEED_PASSWORD: process.env.E2E_SEED_PASSWORD,
    },
  },
});
