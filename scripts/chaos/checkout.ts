// The customers of the run's checkout sessions: real Chromium (Debian's) on the hosted page through the
// proxy, typing a test card into Kassa's card form and pressing Pay, as a customer does — the page's own call
// (/api/checkout/:session/card), not the API. A session opened in two or three tabs pays in all of them at once (a customer's
// double submit, or a second device); a declined card is followed by a good one in the same session; a
// page or a Pay cut off by a kill is loaded and pressed again. What each tab finally saw is kept for the checks.
import { chromium, type Browser, type Locator, type Page } from "@playwright/test";

/** What the customer does in a tab: the cards tried in order (the next one after a decline). */
export interface CheckoutPlan {
  cards: string[];
  /** Tabs paying the session at once. */
  tabs: number;
}

export type TabOutcome = "paid" | "processing" | "declined" | "expired" | "gave_up";

/** The shop the session returns to after paying: answered by the browser itself, no server. */
export const SHOP_ORIGIN = "http://shop.chaos.test";

const TRIES = 6;
const PAGE_TIMEOUT_MS = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Whether the page shows the element now (false while it navigates). */
const shows = async (locator: Locator) => (await locator.count().catch(() => 0)) > 0;

/**
 * Resolves for everyone once `n` callers have arrived (or 5 s after the first, when a tab never gets there):
 * the tabs of one session press Pay in the same instant, a real double submit.
 */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= n) open();
    else if (arrived === 1) setTimeout(open, 5000);
    return all;
  };
}

export class CheckoutCustomers {
  private browser: Promise<Browser> | undefined;
  private active = 0;
  private readonly queue: (() => void)[] = [];
  readonly seen: Record<TabOutcome, number> = { paid: 0, processing: 0, declined: 0, expired: 0, gave_up: 0 };
  /** What the tabs that did not end paid saw, step by step (the first few are printed). */
  readonly unpaid: string[] = [];

  /** `atOnce`: sessions being paid at the same time (each with its tabs). */
  constructor(
    private readonly base: string,
    private readonly atOnce = 2,
  ) {}

  private launch(): Promise<Browser> {
    this.browser ??= chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    return this.browser;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.atOnce) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  /** Pays the session in `plan.tabs` tabs at once; what each tab saw last. */
  pay(sessionId: string, plan: CheckoutPlan): Promise<TabOutcome[]> {
    return this.slot(async () => {
      const context = await (await this.launch()).newContext();
      try {
        // The shop's thank-you page, answered in the browser.
        await context.route(`${SHOP_ORIGIN}/**`, (route) =>
          route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Thanks</title><h1>Thanks</h1>" }),
        );
        const pages = await Promise.all(Array.from({ length: plan.tabs }, () => context.newPage()));
        const together = barrier(pages.length);
        const outcomes = await Promise.all(
          pages.map(async (page) => {
            const trace: string[] = [];
            const outcome = await this.payInTab(page, sessionId, plan.cards, trace, together);
            if (outcome !== "paid") this.unpaid.push(`${sessionId}: ${trace.join(" → ")}`);
            return outcome;
          }),
        );
        for (const o of outcomes) this.seen[o]++;
        return outcomes;
      } finally {
        await context.close().catch(() => {});
      }
    });
  }

  /** `together`: the first Pay waits for the other tabs' forms to be filled, so all press it at the same moment. */
  private async payInTab(page: Page, sessionId: string, cards: string[], trace: string[], together: () => Promise<void>): Promise<TabOutcome> {
    page.setDefaultTimeout(PAGE_TIMEOUT_MS);
    let card = 0;
    let first = true;
    let last: TabOutcome = "gave_up";
    for (let attempt = 0; attempt < TRIES; attempt++) {
      if (attempt > 0) await sleep(500 * attempt);
      const shown = await this.open(page, sessionId);
      trace.push(`page ${shown ?? "did not load"}`);
      if (shown === "paid" || shown === "expired") return shown;
      if (shown === "processing") {
        // With the processor: Kassa finishes it (its reconciliation); the customer looks again a little later.
        last = "processing";
        continue;
      }
      if (shown !== "form") continue;
      const seen = await this.submit(page, cards[Math.min(card, cards.length - 1)]!, trace, first ? together : undefined);
      first = false;
      if (seen === "paid") return "paid";
      if (seen === "declined") {
        last = "declined";
        if (++card >= cards.length) return "declined";
      } else if (seen === "processing") last = "processing";
    }
    return last;
  }

  /** Loads the session's page; what it shows (null: it did not load, e.g. its instance was killed). */
  private async open(page: Page, sessionId: string): Promise<"paid" | "expired" | "processing" | "form" | null> {
    try {
      const res = await page.goto(`${this.base}/pay/${sessionId}`, { waitUntil: "load" });
      if (!res || res.status() >= 500) return null;
      const shown = await this.state(page, { form: true });
      return shown === "alert" ? null : shown;
    } catch {
      return null;
    }
  }

  /** Types the card and presses Pay (once the form has hydrated); what the page then shows. */
  private async submit(
    page: Page,
    number: string,
    trace: string[],
    together?: () => Promise<void>,
  ): Promise<"paid" | "processing" | "declined" | "error" | null> {
    try {
      const button = page.getByRole("button", { name: /^Pay / });
      await button.waitFor();
      await page.waitForFunction(() => !document.querySelector<HTMLInputElement>("#card-number")?.disabled);
      await page.getByLabel("Card number").fill(number);
      await page.getByLabel("Expiry date").fill("12 / 34");
      await page.getByLabel("CVC").fill("123");
      await together?.();
      await button.click();
      const shown = await this.state(page, { alert: true });
      if (shown !== "alert") {
        trace.push(`pay ${number.slice(-4)}: ${shown ?? "no answer"}`);
        return shown === "form" || shown === "expired" ? null : shown;
      }
      const message = (await page.locator("#card-error").textContent()) ?? "";
      trace.push(`pay ${number.slice(-4)}: "${message}"`);
      return /declined|insufficient funds/i.test(message) ? "declined" : "error";
    } catch (error) {
      trace.push(`pay ${number.slice(-4)}: ${(error as Error).message.split("\n")[0]}`);
      return null;
    }
  }

  /** Waits until the page shows one of the states it can end in. */
  private async state(page: Page, want: { form?: boolean; alert?: boolean }): Promise<"paid" | "expired" | "processing" | "form" | "alert" | null> {
    const deadline = Date.now() + PAGE_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (page.url().startsWith(SHOP_ORIGIN)) return "paid";
      const heading = await page
        .locator("h1, h2")
        .allTextContents()
        .catch(() => [] as string[]);
      if (heading.some((h) => /Payment successful/.test(h))) return "paid";
      if (heading.some((h) => /has expired/.test(h))) return "expired";
      if (heading.some((h) => /is processing/.test(h))) return "processing";
      if (want.alert && (await shows(page.locator("#card-error")))) return "alert";
      if (want.form && (await shows(page.getByLabel("Card number")))) return "form";
      await sleep(100);
    }
    return null;
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    await browser?.close().catch(() => {});
  }
}
