/**
 * `npm run first-payment [origin]`: the newcomer's first sandbox payment, made in Chromium and timed.
 * Waits for the portal at `origin` (default http://127.0.0.1:3000) to answer, signs in as the demo
 * merchant, creates a payment link in the dashboard, opens it and pays it with 4242 4242 4242 4242.
 * Start `npm run dev` first (in another terminal, or in the background). KASSA_TIMED_FROM=<epoch
 * seconds> (e.g. `date +%s` taken before `git clone`) adds the time since then. Uses Debian's
 * chromium (CHROMIUM_PATH to pick another); never downloads a browser.
 */
import { chromium, type Page } from "@playwright/test";
import { DEMO_LOGIN } from "@/lib/demo/seed";

const origin = (process.argv[2] ?? process.env.KASSA_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const FIRST_USE = 5 * 60_000;
const started = performance.now();
const steps: [string, number][] = [];
let last = started;
const step = (name: string) => {
  const now = performance.now();
  steps.push([name, now - last]);
  console.log(`  ${name.padEnd(40)} ${((now - last) / 1000).toFixed(1).padStart(6)} s  (${((now - started) / 1000).toFixed(1)} s in all)`);
  last = now;
};

async function waitForPortal(): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const status = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(30_000) }).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${origin}/api/health did not answer 200 within 10 min (is npm run dev running?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function pay(page: Page): Promise<string> {
  await page.goto(`${origin}/login`, { timeout: FIRST_USE });
  await page.getByLabel("Email").fill(DEMO_LOGIN.email, { timeout: FIRST_USE });
  await page.getByLabel("Password").fill(DEMO_LOGIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${origin}/dashboard`, { timeout: FIRST_USE });
  step("signed in");
  await page.goto(`${origin}/payment-links`, { timeout: FIRST_USE });
  await page.getByLabel("Description").fill("First payment", { timeout: FIRST_USE });
  await page.getByLabel("Currency").selectOption("usd");
  await page.getByLabel("Amount", { exact: true }).fill("42.00");
  await page.getByRole("button", { name: "Create link" }).click();
  const link = page.getByTestId("new-payment-link").getByRole("link");
  await link.waitFor({ timeout: FIRST_USE });
  const url = new URL((await link.getAttribute("href"))!, origin).href;
  step("payment link created");
  await page.goto(url, { timeout: FIRST_USE });
  await page.getByLabel("Card number").fill("4242 4242 4242 4242", { timeout: FIRST_USE });
  await page.getByLabel("Expiry date").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: "Pay $42.00" }).click();
  await page.getByRole("heading", { name: "Payment successful" }).waitFor({ timeout: FIRST_USE });
  step("paid with 4242");
  return url;
}

console.log(`First payment at ${origin}`);
await waitForPortal();
step("portal answering (/api/health 200)");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await (await browser.newContext()).newPage();
  const url = await pay(page);
  const total = (performance.now() - started) / 1000;
  console.log(`Paid ${url} with 4242 in ${total.toFixed(1)} s from the script's start.`);
  const from = Number(process.env.KASSA_TIMED_FROM);
  if (from > 0) console.log(`${(Date.now() / 1000 - from).toFixed(1)} s since KASSA_TIMED_FROM.`);
} finally {
  await browser.close();
}
