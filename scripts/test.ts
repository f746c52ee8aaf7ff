/**
 * `npm test`: every test, on real parts. Type-checks and lints (ESLint, Prettier, import boundaries),
 * lints the OpenAPI document (npm run openapi:lint), starts a throwaway PostgreSQL server, runs vitest (unit
 * and integration, PGlite and Postgres), builds the app, checks its JavaScript budgets, runs Playwright (API over real HTTP and
 * the dashboard in Debian's chromium) against `next start` — and, as its last project, the README's
 * first start under `npm run dev` (e2e/dev/, which starts its own dev server on a free port and a
 * fresh data folder) — with a local chain of its own for crypto payments (e2e/support/chain.ts), then
 * Lighthouse on that build (npm run lighthouse -- --ci), then the chaos run's short version on it (npm run
 * chaos), then prints one summary line.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDatabase, startPgServer } from "./pg-server";

const root = path.resolve(import.meta.dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

function run(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Names of failed tests, printed again after the summary so the tail of a CI log says what broke. */
const failedNames: string[] = [];

interface PlaywrightSuite {
  title: string;
  specs?: { title: string; file?: string; line?: number; tests?: { status?: string }[] }[];
  suites?: PlaywrightSuite[];
}

function playwrightFailures(suite: PlaywrightSuite, trail: string[]): void {
  const here = suite.title ? [...trail, suite.title] : trail;
  for (const spec of suite.specs ?? []) {
    if ((spec.tests ?? []).some((t) => t.status === "unexpected" || t.status === "flaky")) {
      failedNames.push(`e2e: ${[...here, spec.title].join(" › ")}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, here);
}

function counts(file: string, kind: "vitest" | "playwright"): { passed: number; failed: number } {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    if (kind === "vitest") {
      for (const suite of report.testResults ?? []) {
        for (const t of suite.assertionResults ?? []) {
          if (t.status === "failed") failedNames.push(`vitest: ${path.relative(root, suite.name)} › ${t.fullName}`);
        }
        if (suite.status === "failed" && !(suite.assertionResults ?? []).some((t: { status: string }) => t.status === "failed")) {
          failedNames.push(`vitest: ${path.relative(root, suite.name)} (file failed: ${String(suite.message ?? "").slice(0, 300)})`);
        }
      }
      return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numTotalTestSuites ? 0 : 1) };
    }
    for (const suite of report.suites ?? []) playwrightFailures(suite, []);
    const s = report.stats ?? {};
    return { passed: s.expected ?? 0, failed: (s.unexpected ?? 0) + (s.flaky ?? 0) };
  } catch {
    failedNames.push(`${kind}: no report at ${path.relative(root, file)}`);
    return { passed: 0, failed: 1 };
  }
}

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
const pg = await startPgServer();
let exit = 0;
const totals = { passed: 0, failed: 0 };
let chain: { env: Record<string, string>; stop(): Promise<void> } | null = null;
const stop = async () => {
  await chain?.stop().catch(() => undefined);
  await pg.stop().catch(() => undefined);
};
process.on("SIGINT", () => void stop().then(() => process.exit(130)));

try {
  if (!only) {
    const code = await run("npx", ["tsc", "--noEmit"]);
    if (code !== 0) {
      totals.failed += 1;
      exit = code;
      console.error("typecheck failed");
    }
    // ESLint, Prettier and the import boundaries between layers (npm run lint).
    const lint = await run("npm", ["run", "-s", "lint"]);
    if (lint !== 0) {
      totals.failed += 1;
      exit = lint;
      failedNames.push("lint: npm run lint failed (ESLint, Prettier or the import boundaries)");
      console.error("lint failed");
    }
  }
  if (only !== "e2e") {
    // The OpenAPI document lints clean (redocly, redocly.yaml): cheap, before vitest.
    const openapi = await run("npm", ["run", "-s", "openapi:lint"]);
    if (openapi !== 0) {
      totals.failed += 1;
      exit = openapi;
      failedNames.push("openapi: npm run openapi:lint failed (the document from lib/openapi/ does not lint clean)");
    }
  }
  if (only !== "e2e") {
    const report = path.join(results, "vitest.json");
    fs.rmSync(report, { force: true });
    const code = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], {
      TEST_PG_ADMIN_URL: pg.url(),
      NODE_ENV: "test",
    });
    const c = counts(report, "vitest");
    totals.passed += c.passed;
    totals.failed += c.failed + (code !== 0 && c.failed === 0 ? 1 : 0);
    if (code !== 0) exit = code;
  }
  if (only !== "unit") {
    const build = await run("npx", ["next", "build"], { NODE_ENV: "production" });
    if (build !== 0) {
      totals.failed += 1;
      exit = build;
    } else {
      // First-load JavaScript budgets read from the build's manifests (npm run check:bundle).
      const bundle = await run("npx", ["tsx", "scripts/bundle-budget.ts", "--ci"]);
      if (bundle !== 0) {
        totals.failed += 1;
        exit = bundle;
        failedNames.push("bundle: a page's first-load JavaScript is over its budget (npm run check:bundle)");
      }
      const databaseUrl = await createDatabase(pg.url(), "kassa_e2e");
      const report = path.join(results, "e2e.json");
      fs.rmSync(report, { force: true });
      // One local chain for the server under test and the specs (EVM_RPC_URL): a spec pays where the server's watcher reads.
      try {
        const { startE2eChain } = await import("../e2e/support/chain");
        chain = await startE2eChain();
      } catch (error) {
        console.error("the local chain for the e2e run did not start:", error);
        totals.failed += 1;
        exit = 1;
        failedNames.push("e2e: the local chain (e2e/support/chain.ts) did not start; the crypto specs cannot pay");
      }
      const code = await run("npx", ["playwright", "test"], { DATABASE_URL: databaseUrl, E2E_JSON_REPORT: report, ...chain?.env });
      await chain?.stop();
      chain = null;
      const c = counts(report, "playwright");
      totals.passed += c.passed;
      totals.failed += c.failed + (code !== 0 && c.failed === 0 ? 1 : 0);
      if (code !== 0) exit = code;
      // Lighthouse on the same build (npm run lighthouse): the login page, overview, payments list, a payment, a checkout.
      const lighthouse = await run("npx", ["tsx", "scripts/lighthouse.ts", "--ci"], { KASSA_LIGHTHOUSE_SKIP_BUILD: "1" });
      if (lighthouse === 0) totals.passed += 1;
      else {
        totals.failed += 1;
        exit = lighthouse;
        failedNames.push("lighthouse: a page scored under performance 90 or accessibility 100 (npm run lighthouse; reports in test-results/lighthouse/)");
      }
      // The chaos run's short version on the same build (issue 22): two instances, faults, duplicate keys, two kill -9s.
      const chaos = await run("npx", ["tsx", "scripts/chaos/run.ts", "--seed", "1", "--ops", "150", "--kills", "2", "--reuse-build"], {
        KASSA_CHAOS_DIST_DIR: ".next",
      });
      if (chaos === 0) totals.passed += 1;
      else {
        totals.failed += 1;
        exit = chaos;
        failedNames.push("chaos: npm run chaos -- --seed 1 --ops 150 --kills 2 found a violation (its table is above)");
      }
    }
  }
} finally {
  await stop();
}
if (failedNames.length > 0) console.log(`\nfailed:\n${failedNames.map((n) => `  - ${n}`).join("\n")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(exit || (totals.failed > 0 ? 1 : 0));
