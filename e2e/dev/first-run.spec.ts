// The newcomer's first start, as the README says it: `npm run dev` on a fresh data folder, the demo
// merchant signs in at http://127.0.0.1:<port>, the dashboard hydrates, a hosted checkout is paid.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { lanHosts } from "@/lib/dev-addresses";
import { groupAlive, newcomerEnv, SEEDED, SEEDING, startDev, stopDev, waitForOutput, type DevServer } from "@/scripts/dev-server";
import { freePort } from "@/scripts/pg-server";
import { auth, ok } from "../support/api";
import { payWithCard } from "../support/checkout";

// `next dev` compiles each page on its first request and the first start migrates and seeds: minutes
// on a 2-core CI machine, so every wait below is long, and none is a fixed sleep.
const FIRST_USE = 5 * 60_000;

const DEMO_PAYMENTS = 3000;
const DEMO_SUBSCRIPTIONS = 300;

/** The demo payments (description "Order #…") the API lists for the demo merchant right now. */
async function countDemoPayments(request: APIRequestContext, origin: string, key: string): Promise<number> {
  let count = 0;
  let after: string | undefined;
  for (;;) {
    const page = await ok<{ data: { id: string; description: string | null }[]; has_more: boolean }>(
      await request.get(`${origin}/api/v1/payments?limit=100${after ? `&starting_after=${after}` : ""}`, { headers: auth(key), timeout: FIRST_USE }),
    );
    count += page.data.filter((p) => /^Order #\d+$/.test(p.description ?? "")).length;
    if (!page.has_more) return count;
    after = page.data.at(-1)!.id;
  }
}

/** What the browser reports about Next's dev resources: refused chunks, HMR socket errors, CORS. */
function devResourceProblems(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /_next|__nextjs|webpack-hmr|turbopack|websocket|cross-origin|allowedDevOrigins|ChunkLoadError|hydrat/i.test(msg.text()))
      seen.push(`console: ${msg.text()}`);
    // Next's dev client failing on one of its own messages (the Pages Router checkout's dev indicator once did).
    if (msg.type() === "warning" && msg.text().startsWith("[HMR] Invalid message")) seen.push(`console: ${msg.text().slice(0, 300)}`);
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
  test.setTimeout(30 * 60_000);
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
    await waitForOutput(
      server,
      new RegExp(
        `Adding ${DEMO_SUBSCRIPTIONS} demo subscriptions and ${DEMO_PAYMENTS} demo payments over the last 90 days in the background; the portal answers meanwhile`,
      ),
      10_000,
    );

    // The portal answers while the demo data is still being written, not after it: /api/health is 200
    // and /login renders with the seed's progress below its target in the log and the API alike.
    let health = 0;
    await expect
      .poll(async () => (health = (await request.get(`${origin}/api/health`, { timeout: FIRST_USE, failOnStatusCode: false })).status()), {
        timeout: FIRST_USE,
        intervals: [250],
      })
      .toBe(200);
    const firstHealthy = Date.now();
    const loginPage = await request.get(`${origin}/login`, { timeout: FIRST_USE });
    expect(loginPage.status()).toBe(200);
    expect(await loginPage.text()).toContain("Sign in");
    const duringSeed = await countDemoPayments(request, origin, secretKey);
    const progress = [...server.output().matchAll(SEEDING)].map((m) => Number(m[1]));
    expect(server.output(), "the demo seed finished before the portal answered").not.toMatch(SEEDED);
    expect(progress.length).toBeGreaterThan(0);
    expect(duringSeed).toBeLessThan(DEMO_PAYMENTS);
    console.log(
      `first start: /api/health 200 after ${((firstHealthy - started) / 1000).toFixed(1)} s (status ${health}), /login rendered, ${duringSeed} of ${DEMO_PAYMENTS} demo payments written by then`,
    );

    // next dev compiling the warm-up's routes refreshes an open page (HMR); sign in once it says it is warm.
    await waitForOutput(server, /Portal warm/, FIRST_USE);
    const problems = devResourceProblems(page);
    await page.goto(`${origin}/login`, { timeout: FIRST_USE });
    await expect.poll(() => page.evaluate(() => typeof (window as { next?: unknown }).next), { timeout: FIRST_USE }).toBe("object");
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

    // The seed goes on writing (minutes more on 2 cores); lib/demo/seed-payments*.test.ts prove what it writes.
  } finally {
    const log = testInfo.outputPath("npm-run-dev.log");
    fs.writeFileSync(log, server.output());
    await testInfo.attach("npm-run-dev.log", { path: log, contentType: "text/plain" });
    // Edits to the checkout while it runs make next dev rebuild and the page refresh under the test.
    const rebuilds = server.output().match(/Compiled in \d/g)?.length ?? 0;
    console.log(`first run under npm run dev: ${((Date.now() - started) / 1000).toFixed(1)} s, ${rebuilds} rebuilds for files changed meanwhile`);
  }
});
