// What must hold once the load has stopped and recovery has had its window, read from the database, the
// sandbox processor's own tables and what the receiver and client saw.
import type { Client } from "pg";
import type { Database } from "@/db/client";
import { checkMoneyInvariants } from "@/lib/payments/check-payment-invariants";
import type { ChaosClient } from "./client";
import type { Receiver } from "./receiver";
import type { TabOutcome } from "./checkout";
import { diagnoseEvent } from "./diagnose";

export interface Check {
  name: string;
  checked: number;
  violations: string[];
}

const count = async (pg: Client, text: string, values: unknown[]) => Number((await pg.query<{ n: string }>(text, values)).rows[0]!.n);

/** Money the processor holds or took for a payment: authorised or captured charges. */
const MONEY_CHARGES = `status in ('succeeded', 'requires_capture')`;

/** Payments and refunds not yet at rest: recovery is not over while any remain. */
export async function unsettled(pg: Client, merchantId: string): Promise<{ payments: number; refunds: number; outbox: number }> {
  return {
    payments: await count(
      pg,
      `select count(*) as n from payments where merchant_id = $1
         and (status in ('processing', 'requires_confirmation', 'requires_action') or pending_operation is not null)`,
      [merchantId],
    ),
    refunds: await count(pg, `select count(*) as n from refunds where merchant_id = $1 and status = 'pending'`, [merchantId]),
    outbox: await count(pg, `select count(*) as n from events where merchant_id = $1 and published_at is null`, [merchantId]),
  };
}

/** API events (not internal hand-offs) made since the endpoint was registered: each must reach the receiver. */
export async function expectedEvents(pg: Client, merchantId: string, since: Date): Promise<{ id: string; type: string }[]> {
  const { rows } = await pg.query<{ id: string; type: string }>(
    `select id, type from events where merchant_id = $1 and type not like '%/%' and created_at >= $2 order by id`,
    [merchantId, since],
  );
  return rows;
}

async function chargesPerPayment(pg: Client, merchantId: string): Promise<Check> {
  const { rows } = await pg.query<{
    id: string;
    status: string;
    amount_received: string;
    amount_refunded: string;
    charges: string;
    captured: string;
    refunded: string;
  }>(
    `select p.id, p.status, p.amount_received::text, p.amount_refunded::text,
            count(c.id) filter (where c.${MONEY_CHARGES})::text as charges,
            coalesce(sum(c.amount_captured) filter (where c.${MONEY_CHARGES}), 0)::text as captured,
            coalesce(sum(c.amount_refunded) filter (where c.${MONEY_CHARGES}), 0)::text as refunded
       from payments p left join sandbox_charges c on c.merchant_id = p.merchant_id and c.payment_id = p.id
      where p.merchant_id = $1 and p.connector = 'sandbox' group by p.id`,
    [merchantId],
  );
  const violations: string[] = [];
  // Stripe's payments are checked against the Stripe double (stripe-checks.ts), UPI's against the sandbox PSP
  // (upiAtThePsp); any other connector by nothing.
  const elsewhere = await pg.query<{ id: string; connector: string }>(
    `select id, connector from payments where merchant_id = $1 and connector not in ('sandbox', 'stripe', 'upi_sandbox')`,
    [merchantId],
  );
  for (const e of elsewhere.rows) violations.push(`${e.id} went to ${e.connector}, which the run does not check`);
  for (const r of rows) {
    const want = r.status === "succeeded" || r.status === "requires_capture" ? 1 : 0;
    if (Number(r.charges) !== want) violations.push(`${r.id} (${r.status}) has ${r.charges} processor charges holding money, want ${want}`);
    else if (r.captured !== r.amount_received) violations.push(`${r.id}: processor captured ${r.captured}, Kassa received ${r.amount_received}`);
    else if (r.refunded !== r.amount_refunded) violations.push(`${r.id}: processor refunded ${r.refunded}, Kassa recorded ${r.amount_refunded}`);
  }
  const orphans = await pg.query<{ id: string; payment_id: string }>(
    `select c.id, c.payment_id from sandbox_charges c left join payments p on p.id = c.payment_id
      where c.merchant_id = $1 and c.${MONEY_CHARGES} and p.id is null`,
    [merchantId],
  );
  for (const o of orphans.rows) violations.push(`processor charge ${o.id} holds money for ${o.payment_id}, which Kassa has no record of`);
  return { name: "one sandbox charge per succeeded sandbox payment, none per failed", checked: rows.length, violations };
}

/**
 * UPI payments against the sandbox PSP's own tables: exactly one paid transaction per succeeded payment, none per
 * failed or canceled one, for the amount Kassa received; what the PSP refunded equals what Kassa recorded.
 */
async function upiAtThePsp(pg: Client, merchantId: string): Promise<Check> {
  const { rows } = await pg.query<{ id: string; status: string; received: string; refunded: string; paid: string; paid_amount: string; psp_refunded: string }>(
    `select p.id, p.status, p.amount_received::text as received, p.amount_refunded::text as refunded,
            count(t.id) filter (where t.status = 'success')::text as paid,
            coalesce(sum(t.amount) filter (where t.status = 'success'), 0)::text as paid_amount,
            (select coalesce(sum(r.amount), 0) from sandbox_upi_refunds r join sandbox_upi_transactions rt on rt.id = r.transaction_id
              where rt.payment_id = p.id and r.status = 'succeeded')::text as psp_refunded
       from payments p left join sandbox_upi_transactions t on t.payment_id = p.id
      where p.merchant_id = $1 and p.connector = 'upi_sandbox' group by p.id`,
    [merchantId],
  );
  const violations: string[] = [];
  for (const r of rows) {
    const want = r.status === "succeeded" ? 1 : 0;
    if (Number(r.paid) !== want) violations.push(`${r.id} (${r.status}) has ${r.paid} paid UPI transactions at the PSP, want ${want}`);
    else if (r.paid_amount !== r.received) violations.push(`${r.id}: the PSP took ${r.paid_amount}, Kassa received ${r.received}`);
    else if (r.psp_refunded !== r.refunded) violations.push(`${r.id}: the PSP refunded ${r.psp_refunded}, Kassa recorded ${r.refunded}`);
  }
  return { name: "one paid UPI transaction at the PSP per succeeded UPI payment, none per failed", checked: rows.length, violations };
}

export interface PayOpOutcome {
  /** The operation's Idempotency-Key, which the driver also puts in the payment's metadata as `chaos_op`. */
  key: string;
  /** The first final answer's status (null: no copy got one). */
  status: number | null;
  /** The payment the answer names, if any. */
  paymentId?: string;
}

/**
 * The customer's view of exactly-once: one pay operation (however many copies and retries it took) is at most
 * one payment, and exactly one when it was answered 200. A build that treats a copy as a new request makes
 * duplicates that each pass the per-payment charge check; counted per operation, they cannot.
 */
export function payOpViolations(ops: PayOpOutcome[], payments: { id: string; op: string | null }[]): string[] {
  const violations: string[] = [];
  const planned = new Set(ops.map((o) => o.key));
  for (const p of payments) {
    if (p.op === null || !planned.has(p.op))
      violations.push(`${p.id} carries ${p.op === null ? "no chaos_op" : `chaos_op ${p.op}`}, not a pay operation of the schedule`);
  }
  perOperation(ops, payments, "pay operation", "payment", violations, (op, made) => {
    if (op.paymentId && made.length > 0 && !made.some((p) => p.id === op.paymentId))
      violations.push(`${op.key}: answered with ${op.paymentId}, which is not its payment`);
  });
  return violations;
}

/**
 * What each operation made, found by the `chaos_op` the driver put in its object's metadata: at most one, and
 * exactly one when the operation was answered 200 (pushed to `violations`); then `more` for the operation's own
 * checks, in the same pass so each operation's violations stay together.
 */
function perOperation<O extends { key: string; status: number | null }, T extends { id: string; op: string | null }>(
  ops: O[],
  objects: T[],
  operation: string,
  noun: string,
  violations: string[],
  more?: (op: O, made: T[]) => void,
): void {
  const byOp = new Map<string, T[]>();
  for (const o of objects) if (o.op !== null) byOp.set(o.op, [...(byOp.get(o.op) ?? []), o]);
  for (const op of ops) {
    const made = byOp.get(op.key) ?? [];
    if (made.length > 1) violations.push(`${op.key}: one ${operation} made ${made.length} ${noun}s (${made.map((o) => o.id).join(", ")})`);
    else if (op.status === 200 && made.length === 0) violations.push(`${op.key}: answered 200 but no ${noun} carries it`);
    more?.(op, made);
  }
}

async function onePaymentPerPayOp(pg: Client, merchantId: string, ops: PayOpOutcome[]): Promise<Check> {
  const { rows } = await pg.query<{ id: string; op: string | null }>(
    // An invoice's payments are the subscription's, checked per invoice (subscriptionsCharged); a checkout session's
    // are the session's (checkoutsPaidOnce).
    `select id, metadata->>'chaos_op' as op from payments
      where merchant_id = $1 and not (metadata ? 'invoice') and not (metadata ? 'checkout_session') order by id`,
    [merchantId],
  );
  return { name: "one payment per pay operation (its Idempotency-Key)", checked: ops.length, violations: payOpViolations(ops, rows) };
}

async function refundsWithinReceived(pg: Client, merchantId: string): Promise<Check> {
  const { rows } = await pg.query<{ id: string; captured: string; refunded: string }>(
    `select c.id, c.amount_captured::text as captured, coalesce(sum(r.amount) filter (where r.status = 'succeeded'), 0)::text as refunded
       from sandbox_charges c left join sandbox_refunds r on r.charge_id = c.id
      where c.merchant_id = $1 group by c.id`,
    [merchantId],
  );
  const violations = rows.filter((r) => BigInt(r.refunded) > BigInt(r.captured)).map((r) => `charge ${r.id}: refunded ${r.refunded} of ${r.captured}`);
  const kassa = await pg.query<{ id: string }>(`select id from payments where merchant_id = $1 and amount_refunded > amount_received`, [merchantId]);
  violations.push(...kassa.rows.map((r) => `${r.id}: refunded more than received`));
  // Nor asked for: the processor refuses a refund above what is left on its charge (the sandbox and the Stripe
  // double as Stripe does), so a lost reservation — concurrent refunds of one payment each seeing the whole amount —
  // ends as refunds the processor refused, not as money refunded twice. Kassa's reservation never sends one.
  const refused = await pg.query<{ id: string; payment_id: string; failure_reason: string }>(
    `select id, payment_id, failure_reason from refunds
      where merchant_id = $1 and status = 'failed' and failure_reason ~ '(greater than (the )?unrefunded amount|already been refunded)'`,
    [merchantId],
  );
  violations.push(...refused.rows.map((r) => `${r.id} (${r.payment_id}): Kassa asked the processor for more than was left — "${r.failure_reason}"`));
  return { name: "refunds never above the amount received, nor asked of the processor", checked: rows.length, violations };
}

async function nothingStuck(pg: Client, merchantId: string): Promise<Check> {
  const { rows } = await pg.query<{ id: string; what: string }>(
    `select id, 'payment ' || status || coalesce(' with pending ' || (pending_operation->>'type'), '') as what from payments
      where merchant_id = $1 and (status in ('processing', 'requires_confirmation', 'requires_action') or pending_operation is not null)
     union all
     select id, 'refund pending' from refunds where merchant_id = $1 and status = 'pending'`,
    [merchantId],
  );
  const total = await count(pg, `select (select count(*) from payments where merchant_id = $1) + (select count(*) from refunds where merchant_id = $1) as n`, [
    merchantId,
  ]);
  return { name: "no payment or refund left in a non-terminal state", checked: total, violations: rows.map((r) => `${r.id}: ${r.what}`) };
}

async function webhooksDelivered(pg: Client, merchantId: string, since: Date, receiver: Receiver): Promise<Check> {
  const expected = await expectedEvents(pg, merchantId, since);
  const ok = new Set(receiver.got.filter((g) => g.answered === 200).map((g) => g.eventId));
  const missing = expected.filter((e) => !ok.has(e.id));
  const violations: string[] = [];
  // The first few with where they got stuck; the rest by id.
  for (const [i, e] of missing.entries())
    violations.push(`${e.type} ${e.id} never answered 200 by the receiver${i < 3 ? `: ${await diagnoseEvent(pg, e.id)}` : ""}`);
  const { rows } = await pg.query<{ event_id: string; status: string; n: string }>(
    `select event_id, status, count(*)::text as n from webhook_deliveries where merchant_id = $1 group by event_id, status`,
    [merchantId],
  );
  const succeeded = new Map<string, number>();
  for (const r of rows) {
    if (r.status === "succeeded") succeeded.set(r.event_id, Number(r.n));
    else violations.push(`delivery of ${r.event_id} recorded ${r.status} (${r.n})`);
  }
  for (const e of expected) if (succeeded.get(e.id) !== 1) violations.push(`${e.id}: ${succeeded.get(e.id) ?? 0} deliveries recorded as succeeded, want 1`);
  if (receiver.forged > 0) violations.push(`${receiver.forged} deliveries failed signature verification`);
  return { name: "every event delivered, signed, recorded succeeded once", checked: expected.length, violations };
}

/** Every copy's final answer, and a replay of each key after recovery, byte-identical to the first. */
export async function replaysIdentical(client: ChaosClient): Promise<Check> {
  const violations: string[] = [];
  let checked = 0;
  for (const record of client.records.values()) {
    const [first, ...rest] = record.answers;
    if (!first) continue;
    checked++;
    for (const other of rest)
      if (other.status !== first.status || other.text !== first.text) violations.push(`${record.key}: concurrent copies answered differently`);
    const replay = await client.send(record.path, JSON.parse(record.body) as Record<string, unknown>, record.key, record.apiKey, { record: false });
    if (!replay) violations.push(`${record.key}: the replay got no final answer`);
    else if (replay.status !== first.status || replay.text !== first.text)
      violations.push(`${record.key}: replay answered ${replay.status}, first ${first.status}, bytes differ`);
  }
  return { name: "Idempotency-Key copies and replays byte-identical", checked, violations };
}

export interface CustomerOpOutcome {
  key: string;
  /** The final answer of the customer's create (null: none, or not sent). */
  created: number | null;
  /** The final answer of the card's attach (null: none, or not sent). */
  attached: number | null;
}

/**
 * One customer per customer operation (its Idempotency-Key, also in the customer's metadata) — exactly one when
 * its create was answered 200 — and on it exactly one saved card when the attach was answered 200, at most one
 * otherwise: an attach retried after a lost answer must not save the card twice.
 */
export function customerOpViolations(ops: CustomerOpOutcome[], customers: { id: string; op: string | null; cards: number }[]): string[] {
  const violations: string[] = [];
  perOperation(
    ops.map((op) => ({ ...op, status: op.created })),
    customers,
    "customer operation",
    "customer",
    violations,
    (op, made) => {
      for (const c of made) {
        if (c.cards > 1) violations.push(`${c.id} (${op.key}): the card was saved ${c.cards} times`);
        else if (op.attached === 200 && c.cards === 0) violations.push(`${c.id} (${op.key}): the attach answered 200 but no card is saved`);
      }
    },
  );
  return violations;
}

async function oneCustomerPerOp(pg: Client, merchantId: string, ops: CustomerOpOutcome[]): Promise<Check> {
  const { rows } = await pg.query<{ id: string; op: string | null; cards: string }>(
    `select c.id, c.metadata->>'chaos_op' as op, (select count(*) from payment_methods pm where pm.customer = c.id)::text as cards
       from customers c where c.merchant_id = $1 order by c.id`,
    [merchantId],
  );
  const customers = rows.map((r) => ({ id: r.id, op: r.op, cards: Number(r.cards) }));
  return { name: "one customer and one saved card per customer operation", checked: ops.length, violations: customerOpViolations(ops, customers) };
}

export interface SubscribeOpOutcome {
  key: string;
  status: number | null;
}

/**
 * One subscription per subscribe operation (exactly one when answered 200), and every invoice of the merchant's
 * subscriptions charged at most once: never two succeeded payments for one invoice, exactly one for a paid
 * invoice, for the amount it says was paid. (Each payment's own processor charge is the sandbox check's.)
 */
async function subscriptionsCharged(pg: Client, merchantId: string, ops: SubscribeOpOutcome[]): Promise<Check> {
  const violations: string[] = [];
  const subs = await pg.query<{ id: string; op: string | null }>(`select id, metadata->>'chaos_op' as op from subscriptions where merchant_id = $1`, [
    merchantId,
  ]);
  perOperation(ops, subs.rows, "subscribe operation", "subscription", violations);
  const { rows } = await pg.query<{ id: string; status: string; amount_paid: string; paid_by: string; received: string }>(
    `select i.id, i.status, i.amount_paid::text,
            count(p.id) filter (where p.status = 'succeeded')::text as paid_by,
            coalesce(sum(p.amount_received) filter (where p.status = 'succeeded'), 0)::text as received
       from invoices i left join payments p on p.merchant_id = i.merchant_id and p.metadata->>'invoice' = i.id
      where i.merchant_id = $1 and i.subscription is not null group by i.id`,
    [merchantId],
  );
  for (const r of rows) {
    if (Number(r.paid_by) > 1) violations.push(`invoice ${r.id} (${r.status}) was paid by ${r.paid_by} payments`);
    else if (r.status === "paid" && r.amount_paid !== "0" && (r.paid_by !== "1" || r.received !== r.amount_paid))
      violations.push(`invoice ${r.id} is paid (${r.amount_paid}) but its succeeded payments are ${r.paid_by} for ${r.received}`);
  }
  return { name: `one subscription per subscribe operation; each invoice charged at most once (${rows.length} invoices)`, checked: ops.length, violations };
}

export interface CheckoutOpOutcome {
  key: string;
  /** The session create's final answer (null: none). */
  status: number | null;
  sessionId?: string;
  /** What each of its customer's tabs saw last. */
  tabs?: TabOutcome[];
}

export interface CheckoutSessionState {
  id: string;
  op: string | null;
  status: string;
  amount: string;
  paymentId: string | null;
  paymentStatus: string | null;
  received: string | null;
  /** Payments whose metadata names this session. */
  payments: number;
}

/**
 * One session per checkout operation; a session paid in several tabs at once, after a decline, or across a kill
 * is one payment — the session's own — for the session's amount; the session is complete exactly when that
 * payment holds the money; and a tab that showed "Payment successful" left a complete session.
 */
export function checkoutViolations(ops: CheckoutOpOutcome[], sessions: CheckoutSessionState[]): string[] {
  const violations: string[] = [];
  const byId = new Map(sessions.map((s) => [s.id, s]));
  perOperation(ops, sessions, "checkout operation", "checkout session", violations, (op) => {
    const session = op.sessionId ? byId.get(op.sessionId) : undefined;
    if (op.sessionId && !session) violations.push(`${op.key}: answered with ${op.sessionId}, which is not its session`);
    if (session && op.tabs?.includes("paid") && session.status !== "complete")
      violations.push(`${session.id} (${op.key}): a tab showed "Payment successful" but the session is ${session.status}`);
  });
  for (const s of sessions) {
    const paid = s.paymentStatus === "succeeded" || s.paymentStatus === "requires_capture";
    if (s.payments > 1) violations.push(`${s.id}: ${s.payments} payments for one checkout session`);
    else if (s.payments === 1 && s.paymentId === null) violations.push(`${s.id}: a payment names the session, but the session has none`);
    if (s.status === "complete" && !paid) violations.push(`${s.id}: complete, but its payment ${s.paymentId ?? "(none)"} is ${s.paymentStatus ?? "missing"}`);
    if (s.status !== "complete" && paid) violations.push(`${s.id}: its payment ${s.paymentId} is ${s.paymentStatus}, but the session is ${s.status}`);
    if (s.paymentStatus === "succeeded" && s.received !== s.amount)
      violations.push(`${s.id}: the session is for ${s.amount}, its payment received ${s.received}`);
  }
  return violations;
}

async function checkoutsPaidOnce(pg: Client, merchantId: string, ops: CheckoutOpOutcome[]): Promise<Check> {
  const { rows } = await pg.query<{
    id: string;
    op: string | null;
    status: string;
    amount: string;
    payment_id: string | null;
    payment_status: string | null;
    received: string | null;
    payments: string;
  }>(
    `select s.id, s.metadata->>'chaos_op' as op, s.status, s.amount::text, s.payment_id, p.status as payment_status,
            p.amount_received::text as received,
            (select count(*) from payments q where q.merchant_id = s.merchant_id and q.metadata->>'checkout_session' = s.id)::text as payments
       from checkout_sessions s left join payments p on p.id = s.payment_id
      where s.merchant_id = $1 order by s.id`,
    [merchantId],
  );
  const sessions = rows.map((r) => ({
    id: r.id,
    op: r.op,
    status: r.status,
    amount: r.amount,
    paymentId: r.payment_id,
    paymentStatus: r.payment_status,
    received: r.received,
    payments: Number(r.payments),
  }));
  const violations = checkoutViolations(ops, sessions);
  const strays = await pg.query<{ id: string; session: string }>(
    `select p.id, p.metadata->>'checkout_session' as session from payments p
      where p.merchant_id = $1 and p.metadata ? 'checkout_session'
        and not exists (select 1 from checkout_sessions s where s.id = p.metadata->>'checkout_session' and s.payment_id = p.id)`,
    [merchantId],
  );
  for (const r of strays.rows) violations.push(`${r.id} names checkout session ${r.session}, whose payment it is not`);
  const tabs = ops.flatMap((o) => o.tabs ?? []);
  const paid = tabs.filter((t) => t === "paid").length;
  return {
    name: `one payment per checkout session, paid in Chromium (${tabs.length} tabs, ${paid} saw it paid); complete exactly when paid`,
    checked: ops.length,
    violations,
  };
}

export async function runChecks(args: {
  pg: Client;
  db: Database;
  merchantId: string;
  since: Date;
  receiver: Receiver;
  payOps: PayOpOutcome[];
  customerOps: CustomerOpOutcome[];
  subscribeOps: SubscribeOpOutcome[];
  checkoutOps: CheckoutOpOutcome[];
}): Promise<Check[]> {
  const { pg, db, merchantId, since, receiver } = args;
  const money = await checkMoneyInvariants(db, { merchantId, livemode: false });
  const paymentCount = await count(pg, `select count(*) as n from payments where merchant_id = $1`, [merchantId]);
  return [
    await onePaymentPerPayOp(pg, merchantId, args.payOps),
    await oneCustomerPerOp(pg, merchantId, args.customerOps),
    await subscriptionsCharged(pg, merchantId, args.subscribeOps),
    await checkoutsPaidOnce(pg, merchantId, args.checkoutOps),
    await chargesPerPayment(pg, merchantId),
    await upiAtThePsp(pg, merchantId),
    await refundsWithinReceived(pg, merchantId),
    { name: "ledger and money invariants (checkMoneyInvariants)", checked: paymentCount, violations: money.problems },
    await nothingStuck(pg, merchantId),
    await webhooksDelivered(pg, merchantId, since, receiver),
  ];
}
