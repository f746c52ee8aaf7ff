import type { Executor } from "@/db/client";
import { UPI_FLOWS, type UpiDetails, type UpiFlow } from "@/db/schema";
import { getUpiConnector } from "@/lib/gateways/upi-sandbox/upi-connector";
import { ConnectorUnknownOutcomeError } from "@/lib/gateways/types";
import type { ServiceContext } from "@/lib/service/context";
import { KassaError } from "@/lib/service/errors";
import { toDecimalString } from "@/lib/money";
import { expiryMinutesFor, loadUpiSettings, UPI_MIN_AMOUNT } from "./settings";
import { checkVpa } from "./vpa";

export interface UpiOptions {
  flow?: UpiFlow;
  vpa?: string;
}

export { UPI_FLOWS };

/**
 * Everything a UPI payment must pass before anything is stored: INR only, at least ₹1 and at most the
 * merchant's limit, collect only when the merchant turned it on and with a VPA that is well formed, not
 * blocked and an account at the PSP (whose holder's name is kept). Returns the payment's UPI details.
 */
export async function prepareUpiPayment(
  db: Executor,
  ctx: ServiceContext,
  args: { amount: bigint; currency: string; options: UpiOptions | undefined; param?: string },
): Promise<UpiDetails> {
  const param = args.param ?? "payment_method_options[upi]";
  if (args.currency !== "inr") {
    throw new KassaError("payment_method_currency_mismatch", `UPI takes INR only; this payment is in ${args.currency.toUpperCase()}.`, { param: "currency" });
  }
  if (args.amount < UPI_MIN_AMOUNT) {
    throw new KassaError("amount_too_small", `A UPI payment is at least ₹${toDecimalString(UPI_MIN_AMOUNT, "inr")} (${UPI_MIN_AMOUNT} paise).`, {
      param: "amount",
    });
  }
  const settings = await loadUpiSettings(db, ctx);
  if (args.amount > settings.maxAmount) {
    throw new KassaError("amount_too_large", `A UPI payment is at most ₹${toDecimalString(settings.maxAmount, "inr")} for this account (its UPI limit).`, {
      param: "amount",
    });
  }
  const flow = args.options?.flow ?? "intent";
  if (flow === "collect" && !settings.collectEnabled) {
    throw new KassaError("upi_collect_disabled", "UPI Collect is turned off for this account; use flow intent or qr, or turn it on in Settings → UPI.", {
      param: `${param}[flow]`,
    });
  }
  const given = args.options?.vpa;
  if (flow === "collect" && !given) throw new KassaError("parameter_missing", "A collect payment needs the customer's vpa.", { param: `${param}[vpa]` });
  let vpa: string | null = null;
  let payerName: string | null = null;
  if (given) {
    vpa = checkVpa(given, `${param}[vpa]`);
    const checked = await validateAtPsp(ctx, vpa);
    if (!checked.valid) throw new KassaError("vpa_invalid", `${vpa} is not a UPI account.`, { param: `${param}[vpa]` });
    payerName = checked.name;
  }
  const expiresAt = Math.floor(Date.now() / 1000) + expiryMinutesFor(flow, settings) * 60;
  return { flow, vpa, status: "pending", rrn: null, psp_reference: null, expires_at: expiresAt, payer_name: payerName, late_refund: null };
}

async function validateAtPsp(ctx: ServiceContext, vpa: string): Promise<{ valid: boolean; name: string | null }> {
  try {
    return await getUpiConnector().validateVpa({ merchantId: ctx.merchantId, livemode: ctx.livemode }, { vpa });
  } catch (error) {
    if (error instanceof ConnectorUnknownOutcomeError) {
      throw new KassaError("processor_unavailable", "The UPI PSP did not answer the VPA check; try again in a moment.");
    }
    throw error;
  }
}
