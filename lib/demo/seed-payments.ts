import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { customers, disputes, paymentAttempts, payments, refunds } from "@/db/schema";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { seededRandom } from "@/lib/gateways/sandbox/config";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { capturePayment } from "@/lib/payments/capture-payment";
import { confirmPayment } from "@/lib/payments/confirm-payment";
import { createPayment } from "@/lib/payments/create-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { createCustomer } from "@/lib/customers/create-customer";
import { createSetupIntent } from "@/lib/customers/create-setup-intent";
import { updateCustomer } from "@/lib/customers/update-customer";
import { closeSandboxDispute } from "@/lib/disputes/close-sandbox-dispute";
import { openSandboxDispute } from "@/lib/disputes/open-sandbox-dispute";
import { systemActor } from "@/lib/service/context";
import { forEachOnFreshRoot } from "@/lib/async-root";
import { dateUpiPaymentBack, pickUpiPayment, seedUpiPayment, UPI_SHARE_OF_INR } from "./seed-upi-payments";

const DAY = 86_400_000;

/**
 * Lets the event loop serve requests between two demo writes. PGlite runs its queries on this thread
 * and settles them as microtasks, so a loop of awaits would never reach the I/O phase: every request
 * (even /api/health) would wait until the whole seed had finished. One macrotask turn plus a short
 * pause after each unit (a payment, a customer, a dispute) keeps requests within their usual time.
 */
export function yieldToRequests(pauseMs = 2): Promise<void> {
  return new Promise((resolve) => setImmediate(() => (pauseMs > 0 ? setTimeout(resolve, pauseMs) : resolve())));
}

/** Demo payments wanted on first start: KASSA_SEED_PAYMENTS (0 turns it off), 3,000 by default. */
export function demoPaymentCount(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.KASSA_SEED_PAYMENTS ?? 3000);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 100_000) : 3000;
}

const CURRENCIES = [
  { currency: "usd", weight: 50, min: 500, max: 25_000 },
  { currency: "eur", weight: 20, min: 500, max: 20_000 },
  { currency: "inr", weight: 20, min: 10_000, max: 500_000 },
  { currency: "jpy", weight: 10, min: 300, max: 30_000 },
] as const;
const METHODS = [
  { method: "pm_card_visa", weight: 42 },
  { method: "pm_card_mastercard", weight: 26 },
  { method: "pm_card_amex", weight: 10 },
  { method: "pm_card_visa_debit", weight: 8 },
  { method: "pm_card_chargeDeclined", weight: 6 },
  { method: "pm_card_chargeDeclinedInsufficientFunds", weight: 4 },
  { method: "pm_card_chargeDeclinedExpiredCard", weight: 2 },
  { method: null, weight: 2 }, // never confirmed: requires_payment_method
] as const;
const NAMES = ["ana", "ben", "chen", "divya", "emma", "farid", "gita", "hugo", "ines", "jun", "kofi", "lena", "mateo", "noor", "omar", "priya"];

function weighted<T extends { weight: number }>(items: readonly T[], r: number): T {
  const total = items.reduce((a, i) => a + i.weight, 0);
  let x = r * total;
  for (const item of items) if ((x -= item.weight) < 0) return item;
  return items.at(-1)!;
}

interface DemoCustomer {
  id: string;
  email: string;
  /** The saved card (pm_…, their default) when the customer has one. */
  card: string | null;
  /** When the customer signed up; they pay only after it. */
  since: number;
}

/**
 * About one customer per 20 payments, signed up over the 90 days and made oldest first (so their
 * time-sortable ids and dates agree), most with a card saved through a setup intent as their default.
 */
async function seedCustomers(ctx: ServiceContext, random: () => number, count: number, now: number): Promise<DemoCustomer[]> {
  const sinces = Array.from({ length: count }, () => now - Math.floor(random() * 90 * DAY)).sort((a, b) => a - b);
  const made: DemoCustomer[] = [];
  await forEachOnFreshRoot(sinces, async (since, i) => {
    const first = NAMES[i % NAMES.length]!;
    const email = `${first}.${100 + i}@example.com`;
    const customer = await createCustomer({
      ctx,
      input: { email, name: `${first[0]!.toUpperCase()}${first.slice(1)} ${SURNAMES[Math.floor(random() * SURNAMES.length)]}`, metadata: { source: "demo" } },
    });
    let card: string | null = null;
    if (random() < 0.75) {
      const setup = await createSetupIntent({ ctx, input: { customer: customer.id, payment_method: random() < 0.7 ? "pm_card_visa" : "pm_card_mastercard" } });
      if (setup.status === "succeeded" && setup.payment_method) {
        card = setup.payment_method;
        await updateCustomer({ ctx, id: customer.id, input: { invoice_settings: { default_payment_method: card } } });
      }
    }
    made.push({ id: customer.id, email, card, since });
    await yieldToRequests();
  });
  return made;
}
const SURNAMES = [
  "Alvarez",
  "Brooks",
  "Chowdhury",
  "Dubois",
  "Eze",
  "Fischer",
  "Gupta",
  "Haddad",
  "Ito",
  "Jensen",
  "Kim",
  "Larsen",
  "Moreau",
  "Nakamura",
  "Okafor",
  "Patel",
];

/**
 * Payments (and so customers, disputes) dated back to the day they belong to, and given the receipt
 * email their buyer left. That email is history, like the date: set here rather than on the payment
 * as it was made, so that no receipt goes out for a payment of last month (an import must never mail
 * customers; thousands of receipt workflows would also double the first start's work).
 */
async function backdate(db: Executor, id: string, at: number, now: number, random: () => number, receiptEmail: string | null): Promise<void> {
  await db
    .update(payments)
    .set({ createdAt: new Date(at), receiptEmail })
    .where(eq(payments.id, id));
  // Its attempts too: the alert evaluation reads the last 15 minutes of attempts, and 90 days of history
  // written in one minute would read as a burst of failures.
  await db
    .update(paymentAttempts)
    .set({ createdAt: new Date(at) })
    .where(eq(paymentAttempts.paymentId, id));
  await db
    .update(refunds)
    .set({ createdAt: new Date(Math.min(now, at + Math.floor(random() * 3 * DAY))) })
    .where(eq(refunds.paymentId, id));
}

/**
 * Realistic demo payments over the last 90 days, made through the service verbs (so the sandbox, the
 * ledger, events and rollups all see them exactly as they would see real traffic): mixed currencies,
 * brands, declines, manual captures (some left authorised, some canceled), full or partial refunds, and
 * a few INR payments by UPI (intent and QR; mostly paid, some declined or expired).
 * Each payment and refund is then dated back to its day; the rollup triggers move its totals with it.
 * Deterministic for a seed. Between two payments it yields to the event loop (yieldToRequests), so
 * the portal answers while it runs, even on PGlite's one connection; onProgress hears every
 * `progressEvery` (100) payments. Returns how many payments were made.
 */
export async function seedDemoPayments(
  db: Executor,
  ctx: ServiceContext,
  opts: { count: number; seed?: number; now?: number; onProgress?: (made: number) => void; progressEvery?: number },
): Promise<number> {
  const random = seededRandom(opts.seed ?? 2026);
  const now = opts.now ?? Date.now();
  // Oldest first, so list order by (created, id) and the ids agree; busier on weekdays and lately.
  const times = Array.from({ length: opts.count }, () => now - Math.floor(Math.pow(random(), 1.3) * 90 * DAY)).sort((a, b) => a - b);
  const people = await seedCustomers(ctx, random, Math.max(1, Math.round(opts.count / 20)), now);
  // One payment in about 400 is made with the card that gets disputed (at least one in any demo of 200+).
  const disputeEvery = 400;
  const disputed: { id: string; at: number }[] = [];
  let made = 0;
  // Each payment on a fresh async root (lib/async-root.ts): one chain of 3,000 payments' awaits
  // is what made next dev grow past 4.5 GB.
  await forEachOnFreshRoot(times, async (at) => {
    const c = weighted(CURRENCIES, random());
    const m = weighted(METHODS, random());
    const amount = Math.round((c.min + random() * (c.max - c.min)) / (c.currency === "jpy" ? 10 : 1)) * (c.currency === "jpy" ? 10 : 1);
    const manual = random() < 0.08;
    const name = NAMES[Math.floor(random() * NAMES.length)]!;
    // A returning customer pays with their saved card a third of the time.
    const signedUp = people.filter((p) => p.since <= at);
    const person = signedUp.length && random() < 0.35 ? signedUp[Math.floor(random() * signedUp.length)]! : null;
    const method =
      made % disputeEvery === disputeEvery / 2 ? "pm_card_createDispute" : person?.card && m.method && !m.method.includes("Declined") ? person.card : m.method;
    const receiptEmail = person ? person.email : random() < 0.7 ? `${name}.${Math.floor(random() * 900) + 100}@example.com` : null;
    const input = {
      amount,
      currency: c.currency,
      description: `Order #${10_000 + made}`,
      ...(person ? { customer: person.id } : {}),
      metadata: { order_id: String(10_000 + made), channel: random() < 0.6 ? "web" : "app" },
      ...(manual ? { capture_method: "manual" as const } : {}),
    };
    // A few INR buyers pay by UPI (intent or QR; the PSP's answer booked at once, see seed-upi-payments.ts).
    const upi = c.currency === "inr" && method !== "pm_card_createDispute" && random() < UPI_SHARE_OF_INR ? pickUpiPayment(random) : null;
    // Created, then confirmed: a decline throws but leaves the payment, with its error, behind.
    const { id } = upi
      ? { id: await seedUpiPayment(db, ctx, { at, amount, ...upi, description: input.description, metadata: input.metadata, customer: person?.id }) }
      : await createPayment({ ctx, input });
    made++;
    if (method && !upi) {
      // Checked for fraud as of its own date: 90 days of traffic, not one burst of the cards the seed reuses.
      await confirmPayment({ ctx: { ...ctx, asOf: at }, id, input: { payment_method: method } }).catch((error: unknown) => {
        if (!(error instanceof KassaError && error.code !== "api_error")) throw error;
      });
    }
    const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, id));
    if (payment?.status === "requires_capture") {
      const r = random();
      if (r < 0.45) await capturePayment({ ctx, id, input: {} });
      else if (r < 0.6)
        await capturePayment({ ctx, id, input: { amount_to_capture: Math.floor(amount * 0.8) } }).catch(() => undefined); // partial capture
      else if (r < 0.8 || at < now - 6 * DAY) await cancelPayment({ ctx, id, input: { cancellation_reason: "requested_by_customer" } });
    }
    const [after] = await db.select({ status: payments.status }).from(payments).where(eq(payments.id, id));
    if (after?.status === "succeeded" && random() < 0.09) {
      const partial = random() < 0.5;
      await createRefund({
        ctx,
        input: { payment: id, ...(partial ? { amount: Math.max(Math.floor(amount * 0.3), 1) } : {}), reason: "requested_by_customer" },
      }).catch(() => undefined);
    }
    if (method === "pm_card_createDispute" && after?.status === "succeeded") disputed.push({ id, at });
    if (upi) await dateUpiPaymentBack(db, id, at);
    await backdate(db, id, at, now, random, receiptEmail);
    if (made % (opts.progressEvery ?? 100) === 0 && made < opts.count) opts.onProgress?.(made);
    await yieldToRequests();
  });
  for (const person of people)
    await db
      .update(customers)
      .set({ createdAt: new Date(person.since) })
      .where(eq(customers.id, person.id));
  await seedDisputes(db, ctx, disputed, now, random);
  return made;
}

/**
 * The disputed payments' disputes, opened a few days after the payment as the sandbox's cardholder
 * would; older ones are closed (won or lost), recent ones still wait for the merchant's evidence.
 */
async function seedDisputes(db: Executor, ctx: ServiceContext, disputed: { id: string; at: number }[], now: number, random: () => number): Promise<void> {
  const sys = { ...ctx, actor: systemActor("demo-seed") };
  await forEachOnFreshRoot(disputed, async (p, i) => {
    const dispute = await openSandboxDispute({ ctx: sys, paymentId: p.id });
    if (!dispute) return;
    const opened = Math.min(now - DAY, p.at + Math.floor((2 + random() * 10) * DAY));
    const old = now - opened > 14 * DAY;
    if (old) await closeSandboxDispute({ ctx, id: dispute.id, input: { outcome: i % 3 === 0 ? "lost" : "won" } });
    await db
      .update(disputes)
      .set({ createdAt: new Date(opened), evidenceDueBy: new Date(Math.max(opened + 7 * DAY, old ? opened + 7 * DAY : now + (1 + (i % 6)) * DAY)) })
      .where(eq(disputes.id, dispute.id));
    await yieldToRequests();
  });
}
