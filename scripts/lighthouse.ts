/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (Debian's chromium) against a production build with the demo
 * data on a throwaway PostgreSQL — the login page, the overview, the payments list, a payment's page
 * (desktop preset) and a hosted checkout (mobile preset). Prints performance and accessibility and exits
 * non-zero under the targets: performance ≥ 90, accessibility 100. Reports go to test-results/lighthouse/: each
 * page's HTML report and its JSON result (the lhr, to read an audit's details), and summary.json.
 * KASSA_LIGHTHOUSE_SKIP_BUILD=1 reuses an existing .next build.
 *
 * Each page's JavaScript is held to its budget too (the hosted checkout 120 KB, a dashboard page 250 KB gzipped): every
 * script the cold load fetched, measured as the server sends it gzipped, bodies only; the wire size Lighthouse saw,
 * HTTP response headers included (~0.5 KB a request), is printed beside it. `npm test` runs it on the build
 * the test run made (with `--ci`, which once let the checkout's budget wait and now changes nothing).
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { Pool } from "pg";
import { createDatabase, freePort, startPgServer } from "./pg-server";
import { BUDGET_KB } from "./bundle-budget";
import { buildApp, root, startProdServer } from "./prod-server";

const TARGETS = { performance: 90, accessibility: 100 } as const;
const DEMO = { email: "demo@kassa.test", password: "kassa-demo-2026" };
const outDir = path.join(root, "test-results", "lighthouse");
fs.mkdirSync(outDir, { recursive: true });

const pg = await startPgServer();
const databaseUrl = await createDatabase(pg.url(), "kassa_lighthouse");
await buildApp({ skipIfBuilt: process.env.KASSA_LIGHTHOUSE_SKIP_BUILD === "1" });
const server = await startProdServer({
  port: await freePort(),
  stdio: "ignore",
  env: {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: "lighthouse-secret-not-for-production-0123456789",
    KASSA_SEED_DEMO: "true",
    KASSA_EXECUTOR_PORT: String(await freePort()),
    LOG_LEVEL: "warn",
  },
});
const debugPort = await freePort();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-lighthouse-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [`--remote-debugging-port=${debugPort}`, "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});

interface Row {
  page: string;
  preset: "desktop" | "mobile";
  performance: number;
  accessibility: number;
  /** The JavaScript the cold load fetched, as the server sends it gzipped (the bodies, without HTTP headers), KB. */
  scriptKb: number;
  /** The same requests as Lighthouse saw them on the wire, response headers included, KB. */
  wireKb: number;
  failing: string[];
}
const rows: Row[] = [];

/** Cold: Lighthouse clears the origin's cache and storage first; a signed-in page gets the session cookie as a header. */
async function audit(name: string, url: string, preset: Row["preset"], cookie?: string): Promise<void> {
  const result = await lighthouse(
    url,
    {
      port: debugPort,
      output: ["html", "json"],
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const requests =
    (lhr.audits["network-requests"]?.details as { items?: { url: string; resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const scripts = requests.filter((r) => r.resourceType === "Script");
  const wireKb = Math.round(scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024);
  const scriptKb = Math.round((await Promise.all(scripts.map((r) => gzippedBodyBytes(r.url)))).reduce((a, b) => a + b, 0) / 1024);
  const failing = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual",
    )
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
  rows.push({ page: name, preset, performance: score("performance"), accessibility: score("accessibility"), scriptKb, wireKb, failing });
  const [html, json] = result.report as string[];
  const file = name.replace(/\W+/g, "-");
  fs.writeFileSync(path.join(outDir, `${file}.html`), String(html));
  fs.writeFileSync(path.join(outDir, `${file}.json`), String(json));
}

/** A script's body as this server sends it to a browser that takes gzip: the bytes on the wire less the headers. */
function gzippedBodyBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve(bytes));
      })
      .on("error", reject);
  });
}

let failed = false;
try {
  // Signed out first: the login page.
  await audit("login", `${server.base}/login`, "desktop");

  // Sign in once, for the session cookie the dashboard audits send.
  const page = await browser.newPage();
  await page.goto(`${server.base}/login`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard$/);
  const cookie = (await browser.cookies(server.base)).map((c) => `${c.name}=${c.value}`).join("; ");

  const pool = new Pool({ connectionString: databaseUrl });
  const { rows: found } = await pool.query<{ id: string; merchant_id: string }>(
    `select p.id, p.merchant_id from payments p join merchants m on m.id = p.merchant_id
      where m.business_name = 'Demo Coffee Co.' and not p.livemode and p.status = 'succeeded' order by p.created_at desc limit 1`,
  );
  await pool.end();
  if (!found[0]) throw new Error("the demo seed made no succeeded payment");

  // A hosted checkout session, made through the API with a fresh test key of the demo merchant.
  process.env.DATABASE_URL = databaseUrl;
  const { openDatabase } = await import("@/db/client");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const h = await openDatabase(databaseUrl);
  const { secret } = await createApiKey({
    ctx: { merchantId: found[0].merchant_id, livemode: false, actor: { type: "system", id: "lighthouse" }, role: "owner", db: h.db },
    input: { kind: "secret", name: "lighthouse" },
  });
  await h.close();
  const res = await fetch(`${server.base}/api/v1/checkout/sessions`, {
    method: "POST",
    headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" },
    body: JSON.stringify({ amount: 2400, currency: "usd", description: "Flat white × 4", success_url: `${server.base}/`, cancel_url: `${server.base}/` }),
  });
  const session = (await res.json()) as { url?: string };
  if (!res.ok || !session.url) throw new Error(`checkout session: ${res.status} ${JSON.stringify(session)}`);

  await audit("overview", `${server.base}/dashboard`, "desktop", cookie);
  await audit("payments list", `${server.base}/payments`, "desktop", cookie);
  await audit("payment page", `${server.base}/payments/${found[0].id}`, "desktop", cookie);
  await audit("hosted checkout", session.url, "mobile");

  console.log(
    `\nLighthouse 12.2.3 — targets: performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}; ` +
      `first-load JS ≤ ${BUDGET_KB.checkout} KB (checkout), ≤ ${BUDGET_KB.dashboard} KB (dashboard)\n`,
  );
  console.log(
    `${"page".padEnd(18)}${"preset".padEnd(9)}${"perf".padStart(5)}${"a11y".padStart(6)}${"JS KB".padStart(7)}${"wire".padStart(6)}  audits below 90`,
  );
  for (const r of rows) {
    const checkout = r.page === "hosted checkout";
    const budget = checkout ? BUDGET_KB.checkout : BUDGET_KB.dashboard;
    const scores = r.performance >= TARGETS.performance && r.accessibility >= TARGETS.accessibility;
    const ok = scores && r.scriptKb <= budget;
    if (!ok) failed = true;
    const cells = `${r.page.padEnd(18)}${r.preset.padEnd(9)}${String(r.performance).padStart(5)}${String(r.accessibility).padStart(6)}${String(r.scriptKb).padStart(7)}${String(r.wireKb).padStart(6)}`;
    console.log(`${cells}  ${ok ? "" : "✗ "}${r.failing.join(", ")}`);
  }
  fs.writeFileSync(path.join(outDir, "summary.json"), JSON.stringify(rows, null, 2));
  console.log(`\nReports: ${path.relative(root, outDir)}/`);
} finally {
  await browser.close();
  await server.stop();
  await pg.stop();
  fs.rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
