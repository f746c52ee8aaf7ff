import { eventType } from "inngest";
import { queueTrialEndingEmail } from "@/lib/email/queue-trial-ending-email";
import { sendCustomerEmail } from "@/lib/email/send-customer-email";
import { systemActor } from "@/lib/service/context";
import { inngest, kassaEvent } from "../client";

const trialWillEnd = eventType("kassa/customer.subscription.trial_will_end", { schema: kassaEvent });

/**
 * Reminds the customer, three days ahead, that their trial ends and what will be charged. The event names
 * the trial (its trial_end); the subscription is read fresh. Stored once per subscription and trial end,
 * sent (live mode) in the next step.
 */
export const customerTrialEndingEmailFn = inngest.createFunction(
  { id: "customer-trial-ending-email", triggers: [trialWillEnd], retries: 5 },
  async ({ event, step }) => {
    const ctx = { merchantId: event.data.merchant, livemode: event.data.livemode, actor: systemActor("customer-trial-ending-email") };
    const sub = event.data.data.object;
    const email = await step.run("queue-trial-ending-email", () =>
      queueTrialEndingEmail({ ctx, subscriptionId: String(sub.id), trialEnd: new Date(Number(sub.trial_end) * 1000) }),
    );
    if (email && ctx.livemode) await step.run("send-trial-ending-email", () => sendCustomerEmail({ ctx, id: email }));
    return { email };
  },
);
