import { inngest, kassaEvent } from "../client";
import { eventType } from "inngest";
import { systemActor } from "@/lib/service/context";
import { openSandboxDispute } from "@/lib/disputes/open-sandbox-dispute";

const paymentSucceeded = eventType("kassa/payment.succeeded", { schema: kassaEvent });

/**
 * The sandbox's cardholder disputes a captured pm_card_createDispute payment (Stripe's test card does
 * the same). Runs only for those payments (the trigger's filter).
 */
export const sandboxDisputeFn = inngest.createFunction(
  {
    id: "sandbox-dispute",
    triggers: [{ event: paymentSucceeded, if: "event.data.data.object.payment_method == 'pm_card_createDispute'" }],
    retries: 5,
  },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("sandbox-dispute") };
    const dispute = await step.run("open-dispute", () => openSandboxDispute({ ctx, paymentId: String(event.data.data.object.id) }));
    return { dispute: dispute?.id ?? null };
  },
);
