import { and, eq } from "drizzle-orm";
import { eventType } from "inngest";
import { sandboxUpiTransactions } from "@/db/schema";
import { callBackWhenDue } from "@/lib/gateways/upi-sandbox/callbacks";
import { pspDeps } from "@/lib/gateways/upi-sandbox/config";
import { inngest, kassaEvent } from "../client";

const requiresAction = eventType("kassa/payment.requires_action", { schema: kassaEvent });

/**
 * The sandbox UPI PSP's own timer (it stands in for the PSP's systems, as sandbox-dispute does for a
 * card network): when a test VPA's outcome is due — success@kassa after 20 s, late@kassa after the expiry
 * — it decides the transaction and calls back, signed, to /api/webhooks/upi. slow@kassa's callback is the
 * lost kind: only the status checks find it. Runs only for UPI sandbox payments (the trigger's filter).
 */
export const sandboxUpiPspFn = inngest.createFunction(
  {
    id: "sandbox-upi-psp",
    triggers: [{ event: requiresAction, if: "event.data.data.object.connector == 'upi_sandbox'" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const object = event.data.data.object as { latest_attempt?: string | null };
    const due = await step.run("find-transaction", async () => {
      const db = await pspDeps.db();
      const [txn] = await db
        .select({
          id: sandboxUpiTransactions.id,
          status: sandboxUpiTransactions.status,
          decideAt: sandboxUpiTransactions.decideAt,
          callback: sandboxUpiTransactions.callback,
        })
        .from(sandboxUpiTransactions)
        .where(
          and(
            eq(sandboxUpiTransactions.merchantId, event.data.merchant),
            eq(sandboxUpiTransactions.livemode, event.data.livemode),
            eq(sandboxUpiTransactions.merchantReference, String(object.latest_attempt ?? "")),
          ),
        );
      // Decided already (a check or the app page got there first, or history written after the fact): no timer owed.
      return txn?.decideAt && txn.callback && txn.status === "pending" ? { id: txn.id, at: txn.decideAt.toISOString() } : null;
    });
    if (!due) return { outcome: "no_timed_callback" };
    await step.sleepUntil("outcome-due", new Date(due.at));
    return { outcome: await step.run("call-back", () => callBackWhenDue(due.id)) };
  },
);
