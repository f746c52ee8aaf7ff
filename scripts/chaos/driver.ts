// Drives the schedule over HTTP through the proxy: a window of operations in flight, each sent as its
// planned number of concurrent copies (a refund burst's operations all at the same moment), and the kills
// fired as their operation starts (one at a time: a kill waits for the previous instance to be back in
// rotation). A customer operation is two calls: the customer, then a card attached to it. A checkout is the
// session made over the API, then paid in Chromium on its own lane: the worker goes on meanwhile.
import type { ChaosClient, Answer } from "./client";
import type { CheckoutCustomers, TabOutcome } from "./checkout";
import type { Op, Schedule } from "./schedule";

export interface OpResult {
  op: Op;
  /** The first final answer among the copies (null: none answered, or skipped). */
  answer: Answer | null;
  /** pay: the payment it made, when the answer names one. */
  paymentId?: string;
  /** customer: the customer made and the card saved to it, when answered. */
  customerId?: string;
  paymentMethodId?: string;
  /** subscribe: the subscription made, when answered. */
  subscriptionId?: string;
  /** checkout: the session made, when answered, and what each of its customer's tabs saw last. */
  sessionId?: string;
  tabs?: TabOutcome[];
  skipped?: boolean;
}

export interface DriveOptions {
  client: ChaosClient;
  /** The monthly price subscriptions are made on. */
  priceId: string;
  apiKeys: string[];
  /** Pays the checkout sessions in Chromium. */
  customers: CheckoutCustomers;
  concurrency: number;
  kill: (instance: "engine" | "api") => Promise<void>;
  onProgress?: (done: number) => void;
}

/** The payment an answer names: a payment object, or a decline's error that carries it. */
function paymentIdOf(answer: Answer | null): string | undefined {
  if (!answer) return undefined;
  try {
    const json = JSON.parse(answer.text) as { id?: string; object?: string; error?: { payment_intent?: { id?: string }; payment?: { id?: string } } };
    if (json.object === "payment" && json.id) return json.id;
    return json.error?.payment_intent?.id ?? json.error?.payment?.id;
  } catch {
    return undefined;
  }
}

/** The id of an object answered 200. */
function idOf(answer: Answer | null, object: string): string | undefined {
  if (answer?.status !== 200) return undefined;
  try {
    const json = JSON.parse(answer.text) as { id?: string; object?: string };
    return json.object === object ? json.id : undefined;
  } catch {
    return undefined;
  }
}

function request(op: Op, target: OpResult | undefined, priceId: string): { path: string; body: Record<string, unknown> } | null {
  if (op.kind === "subscribe") {
    if (!target?.customerId || !target.paymentMethodId) return null;
    return {
      path: "/api/v1/subscriptions",
      body: { ...op.body, customer: target.customerId, items: [{ price: priceId }], default_payment_method: target.paymentMethodId },
    };
  }
  if (op.kind === "renew") return target?.subscriptionId ? { path: `/api/v1/test_helpers/subscriptions/${target.subscriptionId}/end_period`, body: {} } : null;
  if (op.kind === "pay") {
    if (op.target === undefined) return { path: "/api/v1/payments", body: op.body };
    // With a saved card: its customer's, as the attach answered (none: nothing to pay with).
    if (!target?.customerId || !target.paymentMethodId) return null;
    return { path: "/api/v1/payments", body: { ...op.body, customer: target.customerId, payment_method: target.paymentMethodId } };
  }
  const paymentId = target?.paymentId;
  if (!paymentId) return null;
  if (op.kind === "refund") return { path: "/api/v1/refunds", body: { payment: paymentId, ...op.body } };
  return { path: `/api/v1/payments/${paymentId}/${op.kind}`, body: op.body };
}

export async function drive(schedule: Schedule, opts: DriveOptions): Promise<{ results: OpResult[]; kills: Promise<void> }> {
  const results: Promise<OpResult>[] = [];
  let killing: Promise<void> = Promise.resolve();
  let next = 0;
  let done = 0;
  const runOp = async (op: Op): Promise<OpResult> => {
    const apiKey = opts.apiKeys[op.index % opts.apiKeys.length]!;
    const sendCopies = async (path: string, body: Record<string, unknown>, key: string) =>
      (await Promise.all(Array.from({ length: op.copies }, () => opts.client.send(path, body, key, apiKey)))).find((a) => a !== null) ?? null;
    if (op.kind === "customer") {
      const created = await sendCopies("/api/v1/customers", op.body, op.key);
      const customerId = idOf(created, "customer");
      if (!customerId) return { op, answer: created };
      const attached = await sendCopies("/api/v1/payment_methods/pm_card_visa/attach", { customer: customerId }, `${op.key}-card`);
      return { op, answer: attached, customerId, paymentMethodId: idOf(attached, "payment_method") };
    }
    if (op.kind === "checkout") {
      const created = await sendCopies("/api/v1/checkout/sessions", op.body, op.key);
      const sessionId = idOf(created, "checkout.session");
      if (!sessionId) return { op, answer: created };
      return { op, answer: created, sessionId, tabs: await opts.customers.pay(sessionId, op.checkout!) };
    }
    const target = op.target === undefined ? undefined : await results[op.target]!;
    const call = request(op, target, opts.priceId);
    if (!call) return { op, answer: null, skipped: true };
    const answer = await sendCopies(call.path, call.body, op.key);
    if (op.kind === "subscribe") return { op, answer, subscriptionId: idOf(answer, "subscription") };
    return { op, answer, ...(op.kind === "pay" ? { paymentId: paymentIdOf(answer) } : {}) };
  };
  const worker = async () => {
    while (next < schedule.ops.length) {
      // An operation and those planned to go out with it (a refund burst): started together, by one worker.
      const group = [schedule.ops[next++]!];
      while (next < schedule.ops.length && schedule.ops[next]!.withPrevious) group.push(schedule.ops[next++]!);
      for (const op of group) {
        for (const kill of schedule.kills.filter((k) => k.atOp === op.index)) killing = killing.then(() => opts.kill(kill.instance));
        results[op.index] = runOp(op);
      }
      for (const op of group) {
        // A checkout's customer takes seconds in the browser: counted when done, not waited for here.
        if (op.kind === "checkout") void results[op.index]!.then(() => opts.onProgress?.(++done));
        else {
          await results[op.index];
          opts.onProgress?.(++done);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { results: await Promise.all(results), kills: killing };
}
