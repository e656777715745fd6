import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The Chromium `npm test` found or installed (scripts/find-browser.mjs); else Debian's where it is
// installed (CI, this machine); else Playwright's own.
const systemChromium = "/usr/bin/chromium";
const chromium = process.env.CLAUSEWISE_CHROMIUM || (existsSync(systemChromium) ? systemChromium : undefined);
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The operator's token for /api/health's details: the servers get it, and the tests read it (a test value, not a secret).
process.env.HEALTH_TOKEN ||= "e2e-health-token-not-a-secret-0123456789";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // Limits, never waits (a test waits for states): about 2.5× what a test needs on the slowest machine of this kind
  // seen (2026-12-01: the suite in 41–43 minutes, where 60 s had been enough on others); a test's own
  // test.setTimeout follows the same rule.
  timeout: 150_000,
  expect: { timeout: 20_000 },
  // The JSON report lets `npm test` repeat each failure's message beside its summary, where a log's tail shows it.
  reporter: [["list"], ["json", { outputFile: ".data/e2e-report.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /phone\.spec\.ts$/ },
    // Timings on an emulated phone: alone, once every other test is done, so no other test's browser takes the cores.
    { name: "phone", use: { ...devices["Desktop Chrome"] }, testMatch: /phone\.spec\.ts$/, dependencies: ["chromium"] },
  ],
  webServer: {
    // DATABASE_URL comes from scripts/with-db.mjs; start.mjs builds if needed and starts no database;
    // e2e-server.mjs runs it with a local SMTP sink (.data/mail-e2e/).
    command: "node scripts/e2e-server.mjs",
    url: `http://localhost:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    env: {
      PORT: String(PORT),
      SUBMIT_RATE_LIMIT_PER_MINUTE: "0",
      SUBMIT_RATE_LIMIT_PER_EMAIL_PER_HOUR: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      HEALTH_TOKEN: process.env.HEALTH_TOKEN,
      CONTACT_EMAIL: "contact@test.clausewise.invalid",
    },
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
  },
});
