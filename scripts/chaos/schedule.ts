// The run's plan, all from one seeded generator: every operation, its duplicates and the kills. The same
// seed gives the same plan (its fingerprint is printed); what the processor and the scheduler then do with
// it is the chaos.
import { createHash } from "node:crypto";
import { seededRandom } from "@/lib/gateways/sandbox/seeded-random";

export type OpKind = "pay" | "capture" | "refund" | "cancel" | "customer" | "subscribe" | "renew" | "checkout";

export interface Op {
  index: number;
  kind: OpKind;
  /** The Idempotency-Key every copy of this operation sends. */
  key: string;
  /** How many copies go out at once (same key, same body). */
  copies: number;
  /** pay: the request body; capture/refund/cancel: the fields besides the payment. */
  body: Record<string, unknown>;
  /**
   * capture/refund/cancel: the pay operation whose payment this acts on; pay and subscribe: the customer operation
   * whose saved card it pays with; renew: the subscribe operation whose subscription it renews.
   */
  target?: number;
  /** Sent at the same moment as the operation before it (a refund burst on one payment, each under its own key). */
  withPrevious?: boolean;
  /** checkout: the cards its customer types, in order (the next after a decline), in how many tabs at once. */
  checkout?: { cards: string[]; tabs: number };
}

export interface Kill {
  /** Sent when this operation starts. */
  atOp: number;
  instance: "engine" | "api";
}

export interface Schedule {
  seed: number;
  ops: Op[];
  kills: Kill[];
}

/** Test cards and their share of payments: mostly good cards, a few declines, transient errors, lost answers and refunds that fail. */
const CARDS: [string, number][] = [
  ["pm_card_visa", 0.66],
  ["pm_card_mastercard", 0.08],
  ["pm_card_chargeDeclined", 0.06],
  ["pm_card_chargeDeclinedInsufficientFunds", 0.04],
  ["pm_card_processingError", 0.05],
  ["pm_card_lostResponse", 0.05],
  ["pm_card_refundFail", 0.06],
];
/** What a checkout's customer types: a good card, or a declined one and then a good one; now and then a lost answer. */
const CHECKOUT_CARDS: [string[], number][] = [
  [["4242424242424242"], 0.6],
  [["5555555555554444"], 0.1],
  [["4000000000000002", "4242424242424242"], 0.15],
  [["4000000000009995", "4242424242424242"], 0.05],
  [["4000000000004087"], 0.1],
];
/** Share of payments in EUR, which the run's routing rule sends to Stripe (the Stripe double). */
const STRIPE_SHARE = 0.25;
/** Share of payments made with UPI (INR, the sandbox PSP). */
const UPI_SHARE = 0.08;
/** How far back a subscription looks for its customer, and a renewal for its subscription. */
const SUBSCRIPTION_LOOKBACK = 200;
/** How far back a capture, refund or cancel looks for its payment. */
const LOOKBACK = 40;

function pick<T>(random: () => number, weighted: [T, number][]): T {
  let r = random() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [value, weight] of weighted) {
    if ((r -= weight) < 0) return value;
  }
  return weighted.at(-1)![0];
}

/** A seed for one other source of the run's randomness (the sandbox's faults, the client's jitter), from the run's seed. */
export function derivedSeed(seed: number, label: string): number {
  return createHash("sha256").update(`${seed}:${label}`).digest().readUInt32BE(0);
}

export function buildSchedule({ seed, ops, kills }: { seed: number; ops: number; kills: number }): Schedule {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const plan: Op[] = [];
  for (let index = 0; index < ops; index++) {
    const copies = pick(random, [
      [1, 0.65],
      [2, 0.25],
      [3, 0.1],
    ]);
    const key = `chaos-${seed}-${index}`;
    let kind = pick<OpKind>(random, [
      ["pay", 0.43],
      ["checkout", 0.02],
      ["customer", 0.05],
      ["subscribe", 0.025],
      ["renew", 0.025],
      ["refund", 0.2],
      ["capture", 0.15],
      ["cancel", 0.1],
    ]);
    if (kind === "subscribe" || kind === "renew") {
      // A monthly subscription on a recent customer's saved card (its first invoice charged at once), or a
      // subscription's period ended now by the test helper, so its renewal invoices and charges it. Nothing to act
      // on yet: a payment instead.
      const wanted: OpKind = kind === "subscribe" ? "customer" : "subscribe";
      const candidates = plan.slice(Math.max(0, index - SUBSCRIPTION_LOOKBACK)).filter((op) => op.kind === wanted);
      if (candidates.length > 0) {
        const target = candidates[Math.floor(random() * candidates.length)]!.index;
        plan.push({ index, kind, key, copies, body: kind === "subscribe" ? { metadata: { chaos_op: key } } : {}, target });
        continue;
      }
      kind = "pay";
    }
    if (kind === "checkout") {
      // A hosted checkout session made over the API (copies: the merchant's server retrying), then paid in Chromium
      // by its customer in one to three tabs at once.
      const body = {
        amount: int(5, 500) * 100 + int(0, 99),
        currency: "usd",
        success_url: `http://shop.chaos.test/thanks?s={CHECKOUT_SESSION_ID}`,
        cancel_url: "http://shop.chaos.test/cart",
        metadata: { chaos_op: key },
      };
      const checkout = {
        cards: pick(random, CHECKOUT_CARDS),
        tabs: pick(random, [
          [1, 0.6],
          [2, 0.3],
          [3, 0.1],
        ]),
      };
      plan.push({ index, kind, key, copies, body, checkout });
      continue;
    }
    if (kind === "customer") {
      // A customer, then a test card attached to it (its own key, `${key}-card`): a saved card later pay operations use.
      plan.push({ index, kind, key, copies, body: { email: `customer-${index}@chaos.test`, metadata: { chaos_op: key } } });
      continue;
    }
    const recent = plan.slice(Math.max(0, index - LOOKBACK));
    const earlier = recent.filter((op) => op.kind === "pay");
    const manual = earlier.filter((op) => op.body.capture_method === "manual");
    const pool = kind === "refund" ? earlier : manual;
    if (kind === "pay" || pool.length === 0) {
      // A quarter of payments, when a customer was made recently, pay with that customer's saved card (the sandbox's:
      // a card saved there is the sandbox's, so in USD).
      const customers = recent.filter((op) => op.kind === "customer");
      const saved = customers.length > 0 && random() < 0.25 ? customers[Math.floor(random() * customers.length)]! : undefined;
      if (!saved && random() < UPI_SHARE) {
        // UPI through the sandbox PSP: the payer's app approves after 20 s or declines after 10 s, calling back signed.
        const upi = { flow: "intent", vpa: random() < 0.8 ? "success@kassa" : "failure@kassa" };
        const body = {
          amount: int(1, 500) * 100,
          currency: "inr",
          payment_method_types: ["upi"],
          payment_method_options: { upi },
          confirm: true,
          metadata: { chaos_op: key },
        };
        plan.push({ index, kind: "pay", key, copies, body });
        continue;
      }
      const body = {
        amount: int(5, 500) * 100 + int(0, 99),
        currency: saved || random() >= STRIPE_SHARE ? "usd" : "eur",
        // A saved card: the driver sends the id the attach answered with in place of the test card.
        payment_method: saved ? "pm_card_visa" : pick(random, CARDS),
        confirm: true,
        capture_method: random() < 0.35 ? "manual" : "automatic",
        // Names the operation on the payment itself, so the checks can count payments per pay operation.
        metadata: { chaos_op: key },
      };
      plan.push({ index, kind: "pay", key, copies, body, ...(saved ? { target: saved.index } : {}) });
      continue;
    }
    const target = pool[Math.floor(random() * pool.length)]!;
    const amount = target.body.amount as number;
    const body =
      kind === "refund"
        ? { amount: Math.max(1, Math.floor(amount * (0.1 + random() * 0.5))) }
        : kind === "capture"
          ? random() < 0.3
            ? { amount_to_capture: Math.max(1, Math.floor(amount * (0.5 + random() * 0.5))) }
            : {}
          : { cancellation_reason: "requested_by_customer" };
    plan.push({ index, kind, key, copies, body, target: target.index });
    // A burst: 2–4 more refunds of the same payment, each under its own key, sent at the same moment — together
    // they ask for more than was received, which only the payment's row lock keeps from being refunded twice.
    if (kind === "refund" && random() < 0.3) {
      for (let more = 2 + Math.floor(random() * 3); more > 0 && index + 1 < ops; more--) {
        index++;
        plan.push({
          index,
          kind,
          key: `chaos-${seed}-${index}`,
          copies: 1,
          body: { amount: Math.max(1, Math.floor(amount * (0.5 + random() * 0.2))) },
          target: target.index,
          withPrevious: true,
        });
      }
    }
  }
  const killPlan: Kill[] = [];
  for (let k = 0; k < kills; k++) {
    // Spread over 10–60 % of the run: the last kill's restart finishes under load, and the last life of each
    // instance then runs long enough under load for the memory check to judge it past its warm-up.
    const atOp = Math.min(ops - 1, Math.floor(ops * (0.1 + (0.5 * (k + random())) / kills)));
    killPlan.push({ atOp, instance: k % 2 === 0 ? "engine" : "api" });
  }
  return { seed, ops: plan, kills: killPlan };
}

/** One line per fact of the plan, and its fingerprint: the same seed prints the same lines. */
export function describeSchedule(schedule: Schedule): string[] {
  const count = (f: (op: Op) => boolean) => schedule.ops.filter(f).length;
  const fingerprint = createHash("sha256").update(JSON.stringify(schedule)).digest("hex").slice(0, 16);
  const cards = new Map<string, number>();
  for (const op of schedule.ops) {
    const upi = (op.body.payment_method_options as { upi?: { vpa: string } } | undefined)?.upi;
    const method = upi ? `upi ${upi.vpa}` : String(op.body.payment_method);
    if (op.kind === "pay") cards.set(method, (cards.get(method) ?? 0) + 1);
  }
  return [
    `seed ${schedule.seed}: ${schedule.ops.length} operations, schedule fingerprint ${fingerprint}`,
    `  pay ${count((o) => o.kind === "pay")} (manual capture ${count((o) => o.kind === "pay" && o.body.capture_method === "manual")}), ` +
      `capture ${count((o) => o.kind === "capture")}, refund ${count((o) => o.kind === "refund")}, cancel ${count((o) => o.kind === "cancel")}, ` +
      `customer with a saved card ${count((o) => o.kind === "customer")} (paid with later: ${count((o) => o.kind === "pay" && o.target !== undefined)}), ` +
      `subscribe ${count((o) => o.kind === "subscribe")}, renew ${count((o) => o.kind === "renew")}, ` +
      `checkout in Chromium ${count((o) => o.kind === "checkout")} (in two or three tabs at once: ${count((o) => (o.checkout?.tabs ?? 0) > 1)}); ` +
      `in EUR, routed to Stripe: ${count((o) => o.kind === "pay" && o.body.currency === "eur")}`,
    `  sent twice ${count((o) => o.copies === 2)}, three times ${count((o) => o.copies === 3)} (same Idempotency-Key, same body, at once)`,
    `  cards and UPI payers: ${[...cards].map(([c, n]) => `${c.replace("pm_card_", "")} ${n}`).join(", ")}`,
    `  kill -9: ${schedule.kills.map((k) => `${k.instance}@op${k.atOp}`).join(", ") || "none"}`,
  ];
}
