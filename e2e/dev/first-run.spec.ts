// The newcomer's first start, as the README says it: `npm run dev` on a fresh data folder, the demo
// merchant signs in at http://127.0.0.1:<port>, the dashboard hydrates, a hosted checkout is paid.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { lanHosts } from "@/lib/dev-addresses";
import { freePort } from "@/scripts/pg-server";
import { auth, ok } from "../support/api";
import { payWithCard } from "../support/checkout";

const root = path.resolve(import.meta.dirname, "../..");
// `next dev` compiles each page on its first request and the first start migrates and seeds: minutes
// on a 2-core CI machine, so every wait below is long, and none is a fixed sleep.
const FIRST_USE = 5 * 60_000;

interface DevServer {
  child: ChildProcess;
  output(): string;
  exited: Promise<void>;
}

/** The environment of someone who just cloned Kassa: none of the suite's settings, a fresh data folder. */
function newcomerEnv(dataDir: string, port: number, executorPort: number): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(KASSA_|DATABASE_|AUTH_|NEXTAUTH_|INNGEST_|STRIPE_|SMTP_|UPSTASH_|E2E_|__NEXT)|^(NODE_ENV|PORT|METRICS_TOKEN|CRON_SECRET)$/.test(k)) continue;
    env[k] = v;
  }
  return {
    ...env,
    PORT: String(port),
    KASSA_DATA_DIR: dataDir,
    // Beside a developer's own `npm run dev` (8288) and the suite's server (8390).
    KASSA_EXECUTOR_PORT: String(executorPort),
    // The first start's background demo payments (3,000 by default) are not what this test is about.
    KASSA_SEED_PAYMENTS: "20",
  };
}

function startDev(env: Record<string, string | undefined>): DevServer {
  // Its own process group, so npm, next and next's workers all stop together.
  const child = spawn("npm", ["run", "dev"], { cwd: root, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-200_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { child, output: () => output, exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stopDev(server: DevServer): Promise<void> {
  const pid = server.child.pid;
  if (!pid) return;
  for (const [signal, waitMs] of [
    ["SIGTERM", 15_000],
    ["SIGKILL", 5_000],
  ] as const) {
    if (!groupAlive(pid)) return;
    process.kill(-pid, signal);
    const deadline = Date.now() + waitMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  }
}

/** Resolves with the first match of `pattern` in the server's output; fails if the server exits first. */
async function waitForOutput(server: DevServer, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = server.output().match(pattern);
    if (m) return m;
    if (gone) throw new Error(`npm run dev exited before printing ${pattern}:\n${server.output().slice(-4000)}`);
    if (Date.now() > deadline) throw new Error(`npm run dev did not print ${pattern} within ${timeoutMs / 1000} s:\n${server.output().slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** What the browser reports about Next's dev resources: refused chunks, HMR socket errors, CORS. */
function devResourceProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /_next|__nextjs|webpack-hmr|turbopack|websocket|cross-origin|allowedDevOrigins|ChunkLoadError|hydrat/i.test(msg.text()))
      seen.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => seen.push(`page error: ${error.message}`));
  page.on("response", (res) => {
    if (res.status() >= 400 && /\/(_next|__nextjs)/.test(new URL(res.url()).pathname)) seen.push(`${res.status()} ${res.url()}`);
  });
  page.on("websocket", (ws) => ws.on("socketerror", (error) => seen.push(`websocket ${ws.url()}: ${error}`)));
  return seen;
}

let server: DevServer | undefined;
let dataDir: string | undefined;
const killOnExit = () => {
  if (server?.child.pid && groupAlive(server.child.pid)) process.kill(-server.child.pid, "SIGKILL");
};

test.afterAll(async () => {
  process.off("exit", killOnExit);
  if (server) await stopDev(server);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test("npm run dev on a fresh data folder: sign in at 127.0.0.1, the dashboard hydrates, a hosted checkout is paid with 4242", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(20 * 60_000);
  const started = Date.now();
  const [port, executorPort] = [await freePort(), await freePort()];
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kassa-first-run-"));
  server = startDev(newcomerEnv(dataDir, port, executorPort));
  process.once("exit", killOnExit);
  const origin = `http://127.0.0.1:${port}`;
  try {
    // The first-start banner: every address the dev server answers at, with the demo's test key.
    const banner = (await waitForOutput(server, /Kassa demo merchant created[\s\S]*?Test secret key:\s+(sk_test_\w+)/, FIRST_USE))[0];
    const secretKey = banner.match(/sk_test_\w+/)![0];
    for (const host of ["localhost", "127.0.0.1", ...lanHosts()]) expect(banner).toContain(`http://${host}:${port}/login`);
    expect(banner).toContain("demo@kassa.test / kassa-demo-2026");
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(true);

    const problems = devResourceProblems(page);
    await page.goto(`${origin}/login`, { timeout: FIRST_USE });
    await page.getByLabel("Email").fill("demo@kassa.test");
    await page.getByLabel("Password").fill("kassa-demo-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${origin}/dashboard`, { timeout: FIRST_USE });
    // What the first start made is in the data folder it was given, not in the checkout's .data.
    expect(fs.existsSync(path.join(dataDir, "auth-secret"))).toBe(true);

    // Hydrated: the sidebar (a client component) navigates without reloading the page, so a mark
    // left on window survives. A page that never hydrated follows the link as a full page load.
    await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next), { timeout: FIRST_USE }).toBe("object");
    await page.evaluate(() => ((window as { kassaMark?: number }).kassaMark = 1));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payments", exact: true }).click();
    await expect(page).toHaveURL(`${origin}/payments`, { timeout: FIRST_USE });
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Payments", exact: true })).toHaveAttribute("aria-current", "page", {
      timeout: FIRST_USE,
    });
    expect(await page.evaluate(() => (window as { kassaMark?: number }).kassaMark)).toBe(1);

    // A hosted checkout made through the API at 127.0.0.1 links back to 127.0.0.1 (KASSA_URL unset).
    const session = await ok<{ id: string; url: string }>(
      await request.post(`${origin}/api/v1/checkout/sessions`, {
        headers: auth(secretKey),
        data: { amount: 4200, currency: "usd", description: "Order 42", success_url: `${origin}/dashboard`, cancel_url: `${origin}/dashboard` },
        timeout: FIRST_USE,
      }),
    );
    expect(session.url).toBe(`${origin}/pay/${session.id}`);
    await page.goto(session.url, { timeout: FIRST_USE });
    // The card fields are enabled only once the checkout hydrated; fill waits for that.
    await payWithCard(page, "4242 4242 4242 4242");
    await expect(page.getByRole("heading", { name: "Payment successful" })).toBeVisible({ timeout: FIRST_USE });
    // The success page's client effect sends the customer back to success_url.
    await expect(page).toHaveURL(`${origin}/dashboard`, { timeout: FIRST_USE });
    const paid = await ok<{ status: string; payment: string }>(
      await request.get(`${origin}/api/v1/checkout/sessions/${session.id}`, { headers: auth(secretKey), timeout: FIRST_USE }),
    );
    expect(paid.status).toBe("complete");

    expect(problems).toEqual([]);
    expect(server.output()).not.toMatch(/Blocked cross-origin request/);
  } finally {
    const log = testInfo.outputPath("npm-run-dev.log");
    fs.writeFileSync(log, server.output());
    await testInfo.attach("npm-run-dev.log", { path: log, contentType: "text/plain" });
    // Edits to the checkout while it runs make next dev rebuild and the page refresh under the test.
    const rebuilds = server.output().match(/Compiled in \d/g)?.length ?? 0;
    console.log(`first run under npm run dev: ${((Date.now() - started) / 1000).toFixed(1)} s, ${rebuilds} rebuilds for files changed meanwhile`);
  }
});
