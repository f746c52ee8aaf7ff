import { executor, type ServiceContext } from "@/lib/service/context";
import { testCardByPaymentMethod } from "@/lib/gateways/sandbox/test-cards";
import { loadPayment } from "@/lib/payments/load-payment";
import { openDispute } from "./open-dispute";

/** How long a merchant has to answer a dispute the sandbox opens (Stripe's windows are 7–21 days). */
export const SANDBOX_EVIDENCE_DAYS = 7;

/**
 * The sandbox's cardholder: a captured payment made with pm_card_createDispute (or its number,
 * 4000 0000 0000 0259) is disputed in full, reason `fraudulent`, like Stripe's test card. Anything
 * else: nothing happens. Safe to call any number of times.
 */
export async function openSandboxDispute({ ctx, paymentId }: { ctx: ServiceContext; paymentId: string }) {
  const db = await executor(ctx);
  const payment = await loadPayment(db, ctx, paymentId);
  if (payment.connector !== "sandbox" || payment.status !== "succeeded") return null;
  if (testCardByPaymentMethod(payment.paymentMethod ?? "")?.behaviour !== "create_dispute") return null;
  return openDispute({ ctx, input: { paymentId, reason: "fraudulent", evidenceDueBy: new Date(Date.now() + SANDBOX_EVIDENCE_DAYS * 86_400_000) } });
}
