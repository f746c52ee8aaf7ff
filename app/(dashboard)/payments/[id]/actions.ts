"use server";

import { revalidatePath } from "next/cache";
import { memberAction, type ActionResult } from "@/lib/http/session/action";
import { releaseEscrow } from "@/lib/escrow/release-escrow";
import { parseTokenAmount, TokenAmountError, TOKENS, type TokenId } from "@/lib/chain/tokens";
import { getPayment } from "@/lib/payments/get-payment";
import { createRefund } from "@/lib/refunds/create-refund";
import { KassaError } from "@/lib/service/errors";
import { requirePermission } from "@/lib/service/roles";

/** The payment page's Escrow panel: release the held funds to the merchant now (Origin-checked by memberAction; payments:write). */
export async function releaseEscrowAction(_prev: ActionResult<{ status: string }> | null, form: FormData) {
  const id = String(form.get("id") ?? "").trim();
  const result = await memberAction(async ({ ctx }) => {
    const payment = await releaseEscrow({ ctx, id });
    return { status: payment.escrow?.status ?? "none" };
  }, "escrow release");
  revalidatePath(`/payments/${id}`);
  revalidatePath("/balance");
  return result;
}

export type CryptoRefundResult = ActionResult<{ refund: string; status: string; amount: string }>;

/**
 * The payment page's On chain refund: sends tokens back to an address the merchant types, `amount` in whole
 * tokens ("1.5") or empty for all that is left. The same guards as the card refund (app/(dashboard)/payments/actions.ts):
 * memberAction checks Origin and the session, createRefund the role (refunds:write), checked here first so a role
 * without it learns nothing from a parse; then the same verb as POST /api/v1/refunds, whose errors (address_invalid,
 * address_checksum_invalid, amount_too_large…) the form shows as they are.
 */
export async function cryptoRefundAction(_prev: CryptoRefundResult | null, form: FormData): Promise<CryptoRefundResult> {
  const id = field(form, "id");
  const result = await memberAction(async ({ ctx }) => {
    requirePermission(ctx, "refunds:write");
    // The token and chain from the payment itself (tenant-scoped), never from the form.
    const payment = await getPayment({ ctx, id });
    const details = payment.payment_method_details?.type === "crypto" ? payment.payment_method_details.crypto : null;
    if (!details)
      throw new KassaError("parameter_unknown", `Payment ${payment.id} was not paid on chain: refund it with the card refund form.`, { param: "crypto" });
    const address = field(form, "address");
    if (!address) throw new KassaError("parameter_missing", "Enter the address to send the refund to.", { param: "crypto[address]" });
    const amount = tokenUnits(field(form, "amount"), details.token);
    const reason = field(form, "reason");
    const refund = await createRefund({
      ctx,
      input: {
        payment: payment.id,
        ...(amount !== undefined ? { amount: amount.toString() } : {}),
        ...(reason ? { reason } : {}),
        crypto: { address, chain_id: details.chain_id },
      },
    });
    return { refund: refund.id, status: refund.status, amount: refund.crypto?.amount ?? "0" };
  }, "crypto refund");
  if (result.ok) {
    revalidatePath(`/payments/${id}`);
    revalidatePath("/payments");
    revalidatePath("/refunds");
  }
  return result;
}

const field = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

/** "1.5" in whole tokens → base units; empty → undefined (all that is left). Never rounded: too many decimals is an error. */
function tokenUnits(raw: string, token: TokenId): bigint | undefined {
  if (raw === "") return undefined;
  try {
    return parseTokenAmount(raw, token);
  } catch (error) {
    if (!(error instanceof TokenAmountError)) throw error;
    throw new KassaError("parameter_invalid", `Enter the amount in ${TOKENS[token].symbol}, e.g. 1.5 (${error.message}).`, { param: "amount" });
  }
}
