// The checks for the payments routed to Stripe, read from the Stripe double's own state (what "Stripe"
// holds) against Kassa's rows, and for Stripe's webhooks: each event the double emitted reached Kassa,
// was recorded once and processed.
import type { Client } from "pg";
import type { StripeDouble } from "@/test/stripe-double/server";
import type { StripeObject } from "@/test/stripe-double/objects";
import type { Check } from "./checks";
import type { StripeReplayer } from "./stripe-replayer";

/** PaymentIntent states in which Stripe holds the customer's money: authorised or captured. */
const HOLDS_MONEY = new Set(["succeeded", "requires_capture"]);

const kassaPaymentOf = (pi: StripeObject) => (pi.metadata as Record<string, string> | null)?.kassa_payment_id;

export async function stripeChargesPerPayment(pg: Client, merchantId: string, double: StripeDouble): Promise<Check> {
  const { rows } = await pg.query<{ id: string; status: string; amount_received: string; amount_refunded: string }>(
    `select id, status, amount_received::text, amount_refunded::text from payments where merchant_id = $1 and connector = 'stripe'`,
    [merchantId],
  );
  const ours = [...double.state.paymentIntents.values()].filter((pi) => (pi.metadata as Record<string, string> | null)?.kassa_merchant_id === merchantId);
  const holding = new Map<string, StripeObject[]>();
  for (const pi of ours.filter((pi) => HOLDS_MONEY.has(String(pi.status)))) {
    const id = kassaPaymentOf(pi) ?? `(no kassa_payment_id on ${String(pi.id)})`;
    holding.set(id, [...(holding.get(id) ?? []), pi]);
  }
  const violations: string[] = [];
  for (const r of rows) {
    const pis = holding.get(r.id) ?? [];
    holding.delete(r.id);
    const want = r.status === "succeeded" || r.status === "requires_capture" ? 1 : 0;
    if (pis.length !== want) {
      violations.push(`${r.id} (${r.status}) has ${pis.length} Stripe PaymentIntents holding money, want ${want}`);
      continue;
    }
    const received = pis.reduce((s, pi) => s + Number(pi.amount_received ?? 0), 0);
    const refunded = pis.reduce((s, pi) => s + Number(double.state.charges.get(String(pi.latest_charge))?.amount_refunded ?? 0), 0);
    if (String(received) !== r.amount_received) violations.push(`${r.id}: Stripe received ${received}, Kassa ${r.amount_received}`);
    else if (String(refunded) !== r.amount_refunded) violations.push(`${r.id}: Stripe refunded ${refunded}, Kassa recorded ${r.amount_refunded}`);
    else if (refunded > received) violations.push(`${r.id}: refunded ${refunded} of ${received}`);
  }
  for (const [paymentId, pis] of holding)
    violations.push(`Stripe holds money in ${pis.map((pi) => String(pi.id)).join(", ")} for ${paymentId}, which is no Stripe payment of Kassa's`);
  return {
    name: `one Stripe PaymentIntent holding money per succeeded Stripe payment (${ours.length} PaymentIntents)`,
    checked: rows.length,
    violations,
  };
}

/** Every event the double emitted: both copies answered 200, one stripe_events row, processed. */
export async function stripeEventsProcessed(pg: Client, double: StripeDouble, replayer: StripeReplayer): Promise<Check> {
  const emitted = double.state.events.map((e) => String(e.id));
  const { rows } = await pg.query<{ id: string; outcome: string | null; processed: boolean }>(
    `select id, outcome, processed_at is not null as processed from stripe_events where id = any($1::text[])`,
    [emitted],
  );
  const recorded = new Map(rows.map((r) => [r.id, r]));
  const outcomes = new Map<string, number>();
  const violations: string[] = [];
  for (const id of emitted) {
    const answers = replayer.copies.get(id) ?? [];
    if (answers.length !== 2 || answers.some((a) => a !== 200)) violations.push(`${id}: copies answered [${answers.join(", ")}], want [200, 200]`);
    const row = recorded.get(id);
    if (!row) violations.push(`${id}: no stripe_events row`);
    else if (!row.processed) violations.push(`${id}: recorded, never processed`);
    else outcomes.set(row.outcome ?? "-", (outcomes.get(row.outcome ?? "-") ?? 0) + 1);
  }
  const seen = [...outcomes].map(([o, n]) => `${o} ${n}`).join(", ");
  return { name: `Stripe events replayed twice, shuffled: each recorded once, processed (${seen || "none"})`, checked: emitted.length, violations };
}
