import { inngest } from "../client";
import { getDb } from "@/db/client";
import { systemActor } from "@/lib/service/context";
import { findStaleWork } from "@/lib/payments/find-stale-work";
import { settlePayment } from "@/lib/payments/settle-payment";
import { settleRefund } from "@/lib/refunds/settle-refund";
import { wakeStaleSenders } from "@/lib/chain-tx/wake-stale-senders";

/**
 * The safety net under the money path: every minute, finish payments and refunds left mid-way by a
 * crash between phases or a lost processor answer — always by asking the processor with the same
 * idempotency key, never by charging again.
 */
export const reconcilePaymentsFn = inngest.createFunction(
  { id: "reconcile-payments", triggers: [{ cron: "* * * * *" }], concurrency: { limit: 1 }, retries: 2 },
  async ({ step }) => {
    const work = await step.run("find-stale", async () => findStaleWork(await getDb()));
    let settled = 0;
    for (const p of work.payments) {
      const r = await step.run(`payment-${p.id}`, () =>
        settlePayment({ ctx: { merchantId: p.merchantId, livemode: p.livemode, actor: systemActor("reconcile-payments") }, paymentId: p.id }),
      );
      if (r.done) settled++;
    }
    for (const r of work.refunds) {
      const out = await step.run(`refund-${r.id}`, () =>
        settleRefund({ ctx: { merchantId: r.merchantId, livemode: r.livemode, actor: systemActor("reconcile-payments") }, refundId: r.id }),
      );
      if (out.done) settled++;
    }
    // Refunds on chain: their accounts' sender runs, woken again if they stopped with work left.
    const senders = await step.run("wake-chain-senders", async () => wakeStaleSenders(await getDb()));
    return { payments: work.payments.length, refunds: work.refunds.length, settled, senders };
  },
);
