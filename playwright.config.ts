import { defineConfig } from "@playwright/test";
import { nextStartArgs } from "./scripts/prod-server";

// Run through `npm test` (scripts/test.ts), which starts PostgreSQL, builds the app and sets
// DATABASE_URL/E2E_PORT. Browsers: Debian's chromium, never a downloaded one.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !/@(127\.0\.0\.1|localhost)[:/]/.test(databaseUrl)) {
  throw new Error("e2e tests need DATABASE_URL on a local PostgreSQL server; run them with `npm test`.");
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "dashboard", testMatch: /dashboard\/.*\.spec\.ts/, use: { browserName: "chromium" } },
    { name: "checkout", testMatch: /e2e\/checkout\/.*\.spec\.ts/, use: { browserName: "chromium" } },
    // Last: `npm run dev` as a newcomer runs it, started by the spec itself on its own port and data
    // folder (not the webServer below). It writes only .next/dev, which `next build` keeps.
    { name: "dev", testMatch: /e2e\/dev\/.*\.spec\.ts/, use: { browserName: "chromium" } },
  ],
  webServer: {
    // As `npm start` runs it: idle kept-alive connections stay open 65 s. With Node's 5 s, a test's `request` that
    // idled about 5 s between calls could reuse its connection just as the server closed it (ECONNRESET).
    command: `npx next ${nextStartArgs(port).join(" ")}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      KASSA_RATE_LIMIT_API: process.env.KASSA_RATE_LIMIT_API ?? "100/10s",
      // Every browser test signs in from 127.0.0.1: the per-IP sign-in throttle is proved in vitest
      // (lib/team/verify-credentials.test.ts), not by the suite's own logins.
      KASSA_RATE_LIMIT_LOGIN_IP: "1000/15m",
      KASSA_SEED_DEMO: "true",
      // A few demo payments and subscriptions in the background, not the first start's thousands and hundreds.
      KASSA_SEED_PAYMENTS: process.env.KASSA_SEED_PAYMENTS ?? "40",
      KASSA_SEED_SUBSCRIPTIONS: process.env.KASSA_SEED_SUBSCRIPTIONS ?? "10",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      // Its own executor port, so a developer's `npm run dev` (8288) can run alongside.
      KASSA_EXECUTOR_PORT: process.env.E2E_EXECUTOR_PORT ?? "8390",
      // The tests' webhook receivers listen on 127.0.0.1; nothing but loopback is ever allowed.
      KASSA_WEBHOOKS_ALLOW_LOOPBACK: "1",
      KASSA_ENCRYPTION_KEYS: "e2e:" + Buffer.alloc(32, 7).toString("base64"),
      // Production fails closed without these (lib/http/with-cron.ts).
      METRICS_TOKEN: "e2e-metrics-token",
      // Production refuses to start without it (links are never built from request headers).
      KASSA_URL: baseURL,
      CRON_SECRET: "e2e-cron-secret",
      // The runner's local chain (scripts/test.ts), which the checkout's crypto spec pays on; without it the
      // server would start a chain of its own at its first crypto payment, which no spec can reach.
      ...(process.env.EVM_RPC_URL ? { EVM_RPC_URL: process.env.EVM_RPC_URL, EVM_CHAIN_ID: process.env.EVM_CHAIN_ID ?? "31337" } : {}),
      // The deposit watcher reads the chain every second (its interval is at least a 400th of the payment's
      // window, so the window is 5 minutes here, not 30): a transfer shows on the page in a few seconds.
      CRYPTO_POLL_SECONDS: process.env.CRYPTO_POLL_SECONDS ?? "1",
      CRYPTO_PAYMENT_EXPIRY_MINUTES: process.env.CRYPTO_PAYMENT_EXPIRY_MINUTES ?? "5",
    },
  },
});
